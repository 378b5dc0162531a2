/**
 * The confirmation mail and the page its link opens, in every language the
 * extension speaks: written in the language the browser registered with, so
 * a reader who uses Bookside in Japanese is not asked to confirm in English.
 * Plain text only; the reader's chosen name goes into the mail's text, never
 * into HTML.
 */
import { DEFAULT_LANGUAGE, supportedLanguage, type Language } from '../../lib/shared/api';

export type ConfirmationWords = {
  subject: string;
  /** The mail's lines; `link` stands alone on its own line so mail programs make it clickable. */
  mail: (name: string, link: string) => string[];
  confirmedHeading: string;
  confirmedText: string;
  invalidHeading: string;
  invalidText: string;
};

const WORDS: Record<Language, ConfirmationWords> = {
  en: {
    subject: 'Confirm your name for the book canon',
    mail: (name, link) => [
      `Hello ${name},`,
      '',
      'Someone — we hope you — asked to comment on the book canon with this address.',
      'Follow this link once to publish your comments and make your ratings and tags count:',
      '',
      link,
      '',
      'The link works once and expires in 48 hours. If this was not you, ignore this message.',
    ],
    confirmedHeading: 'Confirmed',
    confirmedText:
      'Thank you. Your comments are published and your ratings and tags now count. You will not need to do this again in this browser.',
    invalidHeading: 'Link not valid',
    invalidText:
      'This confirmation link has expired or was already used. Ask for a new one from the Bookside options page.',
  },
  de: {
    subject: 'Bestätigen Sie Ihren Namen für den Buchkanon',
    mail: (name, link) => [
      `Hallo ${name},`,
      '',
      'Jemand – hoffentlich Sie – möchte mit dieser Adresse im Buchkanon kommentieren.',
      'Folgen Sie diesem Link einmal, damit Ihre Kommentare erscheinen und Ihre Bewertungen und Schlagwörter zählen:',
      '',
      link,
      '',
      'Der Link funktioniert einmal und läuft nach 48 Stunden ab. Wenn Sie das nicht waren, ignorieren Sie diese Nachricht.',
    ],
    confirmedHeading: 'Bestätigt',
    confirmedText:
      'Danke. Ihre Kommentare sind veröffentlicht, und Ihre Bewertungen und Schlagwörter zählen jetzt. In diesem Browser ist das nicht noch einmal nötig.',
    invalidHeading: 'Link ungültig',
    invalidText:
      'Dieser Bestätigungslink ist abgelaufen oder wurde schon benutzt. Einen neuen können Sie in den Bookside-Einstellungen anfordern.',
  },
  fr: {
    subject: 'Confirmez votre nom pour le canon de livres',
    mail: (name, link) => [
      `Bonjour ${name},`,
      '',
      'Quelqu’un – vous, nous l’espérons – a demandé à commenter le canon de livres avec cette adresse.',
      'Suivez ce lien une fois pour publier vos commentaires et faire compter vos notes et vos mots-clés\u00a0:',
      '',
      link,
      '',
      'Le lien ne fonctionne qu’une fois et expire dans 48\u00a0heures. Si ce n’était pas vous, ignorez ce message.',
    ],
    confirmedHeading: 'Confirmé',
    confirmedText:
      'Merci. Vos commentaires sont publiés, et vos notes et mots-clés comptent désormais. Vous n’aurez plus à le faire sur ce navigateur.',
    invalidHeading: 'Lien non valide',
    invalidText:
      'Ce lien de confirmation a expiré ou a déjà été utilisé. Demandez-en un nouveau depuis la page des options de Bookside.',
  },
  es: {
    subject: 'Confirma tu nombre para el canon de libros',
    mail: (name, link) => [
      `Hola, ${name}:`,
      '',
      'Alguien (esperamos que tú) ha pedido comentar en el canon de libros con esta dirección.',
      'Abre este enlace una vez para publicar tus comentarios y que cuenten tus valoraciones y etiquetas:',
      '',
      link,
      '',
      'El enlace funciona una sola vez y caduca en 48 horas. Si no has sido tú, ignora este mensaje.',
    ],
    confirmedHeading: 'Confirmado',
    confirmedText:
      'Gracias. Tus comentarios están publicados y tus valoraciones y etiquetas ya cuentan. No tendrás que volver a hacerlo en este navegador.',
    invalidHeading: 'Enlace no válido',
    invalidText:
      'Este enlace de confirmación ha caducado o ya se ha usado. Pide uno nuevo desde la página de opciones de Bookside.',
  },
  it: {
    subject: 'Conferma il tuo nome per il canone di libri',
    mail: (name, link) => [
      `Ciao ${name},`,
      '',
      'Qualcuno, speriamo tu, ha chiesto di commentare nel canone di libri con questo indirizzo.',
      'Apri questo link una volta per pubblicare i tuoi commenti e far contare le tue valutazioni e i tuoi tag:',
      '',
      link,
      '',
      'Il link funziona una sola volta e scade tra 48 ore. Se non sei stato tu, ignora questo messaggio.',
    ],
    confirmedHeading: 'Confermato',
    confirmedText:
      'Grazie. I tuoi commenti sono pubblicati e le tue valutazioni e i tuoi tag ora contano. Non dovrai farlo di nuovo su questo browser.',
    invalidHeading: 'Link non valido',
    invalidText:
      'Questo link di conferma è scaduto o è già stato usato. Chiedine uno nuovo dalla pagina delle opzioni di Bookside.',
  },
  nl: {
    subject: 'Bevestig je naam voor de boekencanon',
    mail: (name, link) => [
      `Hallo ${name},`,
      '',
      'Iemand – hopelijk jij – wil met dit adres reageren in de boekencanon.',
      'Volg deze link één keer om je reacties te publiceren en je beoordelingen en tags mee te laten tellen:',
      '',
      link,
      '',
      'De link werkt één keer en verloopt na 48 uur. Was jij dit niet, negeer dit bericht dan.',
    ],
    confirmedHeading: 'Bevestigd',
    confirmedText:
      'Bedankt. Je reacties zijn gepubliceerd en je beoordelingen en tags tellen nu mee. In deze browser hoef je dit niet nog eens te doen.',
    invalidHeading: 'Link niet geldig',
    invalidText:
      'Deze bevestigingslink is verlopen of al gebruikt. Vraag een nieuwe aan op de optiepagina van Bookside.',
  },
  ja: {
    subject: '本のカノンで使うお名前の確認',
    mail: (name, link) => [
      `${name} 様`,
      '',
      'このメールアドレスで本のカノンにコメントするための登録がありました。',
      '次のリンクを一度開くと、コメントが公開され、評価とタグが集計されるようになります。',
      '',
      link,
      '',
      'このリンクは一度だけ使え、48 時間で期限が切れます。お心当たりがない場合は、このメールを破棄してください。',
    ],
    confirmedHeading: '確認が完了しました',
    confirmedText:
      'ありがとうございます。コメントが公開され、評価とタグが集計されるようになりました。このブラウザーで再度手続きをする必要はありません。',
    invalidHeading: 'リンクが無効です',
    invalidText:
      'この確認リンクは期限切れか、すでに使用されています。Bookside のオプションページから新しいリンクを依頼してください。',
  },
};

/** The words for a stored language (null or unknown: English). */
export function confirmationWords(language: string | null): ConfirmationWords {
  return WORDS[(language === null ? null : supportedLanguage(language)) ?? DEFAULT_LANGUAGE];
}
