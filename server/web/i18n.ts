/** The public pages' words, in every language the extension speaks, chosen by the reader's Accept-Language. */
import { DEFAULT_LANGUAGE, supportedLanguage, type Language } from '../../lib/shared/api';

export type Locale = Language;

const en = {
  by: 'By',
  published: 'Publication Date',
  publisher: 'Publisher',
  rateThisBook: 'Rate this book',
  ratingSummary: (average: string, count: number) =>
    `${average} of 5 stars from ${count} ${count === 1 ? 'reader' : 'readers'}`,
  noRatings: 'No ratings yet.',
  provisionalRatings: (n: number) => `${n} more waiting for their e-mail confirmation.`,
  share: (canon: string) =>
    `Share your perspective. Does this book belong in the ${canon}? What are the most important points to take away? Please share any links to reviews or other information regarding this book or its themes.`,
  yourName: 'Your Name',
  yourEmail: 'E-mail Address',
  yourRating: 'Your rating',
  noRating: 'No rating',
  stars: (n: string) => `${n} stars`,
  yourComment: 'Your comment',
  spoilerBox: 'It gives away the plot (hide it behind a click)',
  submit: 'Submit',
  commentingAs: (name: string) => `You take part as ${name}.`,
  checkInbox:
    'Check your inbox for confirmation after you submit your comment. Follow the link in the e-mail for approval. You should only need to do this once.',
  waitingNote: 'Waiting for your e-mail confirmation; only you see it.',
  sent: 'Thank you. Check your inbox: your rating and comment count once you follow the link in the e-mail. You should only need to do this once.',
  sentConfirmed: 'Thank you, it is published.',
  problems: {
    csrf: 'This form had expired. Please send it again.',
    who: 'Please give your name and a valid e-mail address.',
    comment: 'The comment is too short or too long.',
    rating: 'Choose a rating from half a star to five stars.',
    nothing: 'Write a comment or choose a rating.',
    limited: 'Too many posts in a short time. Please try again later.',
  } as Record<string, string>,
  comments: (n: number) => (n === 0 ? 'No comments yet' : n === 1 ? 'One comment' : `${n} comments`),
  on: 'on',
  imported: 'from the original canon site',
  spoiler: 'Contains spoilers: show',
  chapters: 'Chapters',
  tags: 'Tags',
  reviews: 'Reviews and links',
  alsoOn: 'Also on',
  yourLibrary: 'your library (WorldCat)',
  books: 'Books in the canon',
  ratingShort: (average: string, count: number) => `★ ${average} (${count})`,
  unrated: 'not rated yet',
  commentCount: (n: number) => (n === 1 ? '1 comment' : `${n} comments`),
  feed: 'Comments (Atom feed)',
  allFeed: 'Recent comments (Atom feed)',
  notFound: 'Not in the canon',
  notFoundText: 'There is no book at this address.',
  backToCanon: 'Back to the canon',
  skip: 'Skip to the content',
};

export type Words = typeof en;

const de: Words = {
  by: 'Von',
  published: 'Erscheinungsdatum',
  publisher: 'Verlag',
  rateThisBook: 'Dieses Buch bewerten',
  ratingSummary: (average, count) =>
    `${average} von 5 Sternen von ${count} ${count === 1 ? 'Leserin oder Leser' : 'Lesenden'}`,
  noRatings: 'Noch keine Bewertungen.',
  provisionalRatings: (n) => `${n} weitere warten auf die Bestätigung ihrer E-Mail-Adresse.`,
  share: (canon) =>
    `Teilen Sie Ihre Sicht. Gehört dieses Buch in den ${canon}? Was sollte man daraus mitnehmen? Links zu Rezensionen oder weiteren Informationen zum Buch sind willkommen.`,
  yourName: 'Ihr Name',
  yourEmail: 'E-Mail-Adresse',
  yourRating: 'Ihre Bewertung',
  noRating: 'Keine Bewertung',
  stars: (n) => `${n} Sterne`,
  yourComment: 'Ihr Kommentar',
  spoilerBox: 'Verrät die Handlung (hinter einem Klick verbergen)',
  submit: 'Absenden',
  commentingAs: (name) => `Sie schreiben als ${name}.`,
  checkInbox:
    'Nach dem Absenden kommt eine E-Mail zur Bestätigung. Folgen Sie dem Link darin. Das ist nur einmal nötig.',
  waitingNote: 'Wartet auf Ihre E-Mail-Bestätigung; nur Sie sehen es.',
  sent: 'Danke. Sehen Sie in Ihr Postfach: Bewertung und Kommentar zählen, sobald Sie dem Link in der E-Mail folgen. Das ist nur einmal nötig.',
  sentConfirmed: 'Danke, es ist veröffentlicht.',
  problems: {
    csrf: 'Dieses Formular war abgelaufen. Bitte senden Sie es noch einmal.',
    who: 'Bitte geben Sie Ihren Namen und eine gültige E-Mail-Adresse an.',
    comment: 'Der Kommentar ist zu kurz oder zu lang.',
    rating: 'Wählen Sie eine Bewertung von einem halben bis zu fünf Sternen.',
    nothing: 'Schreiben Sie einen Kommentar oder wählen Sie eine Bewertung.',
    limited: 'Zu viele Beiträge in kurzer Zeit. Bitte versuchen Sie es später noch einmal.',
  },
  comments: (n) => (n === 0 ? 'Noch keine Kommentare' : n === 1 ? 'Ein Kommentar' : `${n} Kommentare`),
  on: 'am',
  imported: 'von der ursprünglichen Kanon-Website',
  spoiler: 'Enthält Spoiler: anzeigen',
  chapters: 'Kapitel',
  tags: 'Schlagwörter',
  reviews: 'Rezensionen und Links',
  alsoOn: 'Auch bei',
  yourLibrary: 'Ihre Bibliothek (WorldCat)',
  books: 'Bücher im Kanon',
  ratingShort: (average, count) => `★ ${average} (${count})`,
  unrated: 'noch nicht bewertet',
  commentCount: (n) => (n === 1 ? '1 Kommentar' : `${n} Kommentare`),
  feed: 'Kommentare (Atom-Feed)',
  allFeed: 'Neue Kommentare (Atom-Feed)',
  notFound: 'Nicht im Kanon',
  notFoundText: 'Unter dieser Adresse gibt es kein Buch.',
  backToCanon: 'Zurück zum Kanon',
  skip: 'Zum Inhalt springen',
};

const fr: Words = {
  by: 'De',
  published: 'Date de publication',
  publisher: 'Éditeur',
  rateThisBook: 'Noter ce livre',
  ratingSummary: (average, count) =>
    `${average} sur 5 étoiles, d’après ${count} ${count <= 1 ? 'lecteur' : 'lecteurs'}`,
  noRatings: 'Aucune note pour l’instant.',
  provisionalRatings: (n) =>
    n <= 1
      ? `${n} autre attend la confirmation de son e-mail.`
      : `${n} autres attendent la confirmation de leur e-mail.`,
  share: (canon) =>
    `Donnez votre point de vue. Ce livre a-t-il sa place dans le ${canon}\u202f? Quels sont les points essentiels à retenir\u202f? N’hésitez pas à partager des liens vers des critiques ou d’autres informations sur ce livre ou ses thèmes.`,
  yourName: 'Votre nom',
  yourEmail: 'Adresse e-mail',
  yourRating: 'Votre note',
  noRating: 'Pas de note',
  stars: (n) => `${n.replace('.', ',')} ${Number(n) < 2 ? 'étoile' : 'étoiles'}`,
  yourComment: 'Votre commentaire',
  spoilerBox: 'Il dévoile l’intrigue (le masquer derrière un clic)',
  submit: 'Envoyer',
  commentingAs: (name) => `Vous participez en tant que ${name}.`,
  checkInbox:
    'Après l’envoi de votre commentaire, un e-mail de confirmation vous attend dans votre boîte de réception. Suivez le lien qu’il contient pour valider. Vous n’aurez à le faire qu’une fois.',
  waitingNote: 'En attente de la confirmation de votre e-mail\u202f; vous seul le voyez.',
  sent: 'Merci. Consultez votre boîte de réception\u00a0: votre note et votre commentaire comptent dès que vous suivez le lien de l’e-mail. Vous n’aurez à le faire qu’une fois.',
  sentConfirmed: 'Merci, c’est publié.',
  problems: {
    csrf: 'Ce formulaire avait expiré. Veuillez l’envoyer de nouveau.',
    who: 'Veuillez indiquer votre nom et une adresse e-mail valide.',
    comment: 'Le commentaire est trop court ou trop long.',
    rating: 'Choisissez une note d’une demi-étoile à cinq étoiles.',
    nothing: 'Écrivez un commentaire ou choisissez une note.',
    limited: 'Trop de messages en peu de temps. Veuillez réessayer plus tard.',
  },
  comments: (n) => (n === 0 ? 'Aucun commentaire pour l’instant' : n === 1 ? 'Un commentaire' : `${n} commentaires`),
  on: 'le',
  imported: 'du site d’origine du canon',
  spoiler: 'Contient des spoilers\u00a0: afficher',
  chapters: 'Chapitres',
  tags: 'Mots-clés',
  reviews: 'Critiques et liens',
  alsoOn: 'Aussi sur',
  yourLibrary: 'votre bibliothèque (WorldCat)',
  books: 'Les livres du canon',
  ratingShort: (average, count) => `★ ${average} (${count})`,
  unrated: 'pas encore noté',
  commentCount: (n) => (n <= 1 ? `${n} commentaire` : `${n} commentaires`),
  feed: 'Commentaires (flux Atom)',
  allFeed: 'Commentaires récents (flux Atom)',
  notFound: 'Pas dans le canon',
  notFoundText: 'Il n’y a pas de livre à cette adresse.',
  backToCanon: 'Retour au canon',
  skip: 'Aller au contenu',
};

const es: Words = {
  by: 'De',
  published: 'Fecha de publicación',
  publisher: 'Editorial',
  rateThisBook: 'Valora este libro',
  ratingSummary: (average, count) => `${average} de 5 estrellas según ${count} ${count === 1 ? 'lector' : 'lectores'}`,
  noRatings: 'Aún no hay valoraciones.',
  provisionalRatings: (n) =>
    n === 1
      ? `${n} más espera la confirmación de su correo electrónico.`
      : `${n} más esperan la confirmación de su correo electrónico.`,
  share: (canon) =>
    `Comparte tu punto de vista. ¿Merece este libro estar en el ${canon}? ¿Cuáles son las ideas más importantes que deja? Comparte enlaces a reseñas u otra información sobre este libro o sus temas.`,
  yourName: 'Tu nombre',
  yourEmail: 'Correo electrónico',
  yourRating: 'Tu valoración',
  noRating: 'Sin valoración',
  stars: (n) => `${n.replace('.', ',')} ${n === '1' ? 'estrella' : 'estrellas'}`,
  yourComment: 'Tu comentario',
  spoilerBox: 'Desvela la trama (ocultarlo tras un clic)',
  submit: 'Enviar',
  commentingAs: (name) => `Participas como ${name}.`,
  checkInbox:
    'Después de enviar tu comentario, revisa tu bandeja de entrada: recibirás un correo de confirmación. Abre el enlace que contiene para aprobarlo. Solo tendrás que hacerlo una vez.',
  waitingNote: 'Esperando la confirmación de tu correo electrónico; solo tú lo ves.',
  sent: 'Gracias. Revisa tu bandeja de entrada: tu valoración y tu comentario cuentan en cuanto abras el enlace del correo. Solo tendrás que hacerlo una vez.',
  sentConfirmed: 'Gracias, ya está publicado.',
  problems: {
    csrf: 'Este formulario había caducado. Vuelve a enviarlo.',
    who: 'Indica tu nombre y una dirección de correo electrónico válida.',
    comment: 'El comentario es demasiado corto o demasiado largo.',
    rating: 'Elige una valoración de media estrella a cinco estrellas.',
    nothing: 'Escribe un comentario o elige una valoración.',
    limited: 'Demasiadas publicaciones en poco tiempo. Inténtalo de nuevo más tarde.',
  },
  comments: (n) => (n === 0 ? 'Aún no hay comentarios' : n === 1 ? 'Un comentario' : `${n} comentarios`),
  on: 'el',
  imported: 'del sitio original del canon',
  spoiler: 'Contiene spoilers: mostrar',
  chapters: 'Capítulos',
  tags: 'Etiquetas',
  reviews: 'Reseñas y enlaces',
  alsoOn: 'También en',
  yourLibrary: 'tu biblioteca (WorldCat)',
  books: 'Libros del canon',
  ratingShort: (average, count) => `★ ${average} (${count})`,
  unrated: 'aún sin valorar',
  commentCount: (n) => (n === 1 ? '1 comentario' : `${n} comentarios`),
  feed: 'Comentarios (canal Atom)',
  allFeed: 'Comentarios recientes (canal Atom)',
  notFound: 'No está en el canon',
  notFoundText: 'No hay ningún libro en esta dirección.',
  backToCanon: 'Volver al canon',
  skip: 'Saltar al contenido',
};

const it: Words = {
  by: 'Di',
  published: 'Data di pubblicazione',
  publisher: 'Editore',
  rateThisBook: 'Valuta questo libro',
  ratingSummary: (average, count) => `${average} su 5 stelle da ${count} ${count === 1 ? 'lettore' : 'lettori'}`,
  noRatings: 'Ancora nessuna valutazione.',
  provisionalRatings: (n) =>
    n === 1
      ? `Un’altra attende la conferma dell’indirizzo email.`
      : `Altre ${n} attendono la conferma dell’indirizzo email.`,
  share: (canon) =>
    `Condividi il tuo punto di vista. Questo libro merita un posto nel ${canon}? Quali sono i punti più importanti da portare con sé? Condividi pure link a recensioni o altre informazioni su questo libro o sui suoi temi.`,
  yourName: 'Il tuo nome',
  yourEmail: 'Indirizzo email',
  yourRating: 'La tua valutazione',
  noRating: 'Nessuna valutazione',
  stars: (n) => `${n.replace('.', ',')} ${n === '1' ? 'stella' : 'stelle'}`,
  yourComment: 'Il tuo commento',
  spoilerBox: 'Rivela la trama (nascondilo dietro un clic)',
  submit: 'Invia',
  commentingAs: (name) => `Partecipi come ${name}.`,
  checkInbox:
    'Dopo aver inviato il commento, controlla la tua casella di posta: riceverai un’email di conferma. Segui il link che contiene per approvarlo. Basta farlo una volta.',
  waitingNote: 'In attesa della conferma della tua email; lo vedi solo tu.',
  sent: 'Grazie. Controlla la tua casella di posta: la valutazione e il commento contano non appena segui il link nell’email. Basta farlo una volta.',
  sentConfirmed: 'Grazie, è pubblicato.',
  problems: {
    csrf: 'Questo modulo era scaduto. Invialo di nuovo.',
    who: 'Indica il tuo nome e un indirizzo email valido.',
    comment: 'Il commento è troppo corto o troppo lungo.',
    rating: 'Scegli una valutazione da mezza stella a cinque stelle.',
    nothing: 'Scrivi un commento o scegli una valutazione.',
    limited: 'Troppi invii in poco tempo. Riprova più tardi.',
  },
  comments: (n) => (n === 0 ? 'Ancora nessun commento' : n === 1 ? 'Un commento' : `${n} commenti`),
  on: 'il',
  imported: 'dal sito originale del canone',
  spoiler: 'Contiene spoiler: mostra',
  chapters: 'Capitoli',
  tags: 'Tag',
  reviews: 'Recensioni e link',
  alsoOn: 'Anche su',
  yourLibrary: 'la tua biblioteca (WorldCat)',
  books: 'Libri nel canone',
  ratingShort: (average, count) => `★ ${average} (${count})`,
  unrated: 'non ancora valutato',
  commentCount: (n) => (n === 1 ? '1 commento' : `${n} commenti`),
  feed: 'Commenti (feed Atom)',
  allFeed: 'Commenti recenti (feed Atom)',
  notFound: 'Non nel canone',
  notFoundText: 'A questo indirizzo non c’è nessun libro.',
  backToCanon: 'Torna al canone',
  skip: 'Vai al contenuto',
};

const nl: Words = {
  by: 'Door',
  published: 'Publicatiedatum',
  publisher: 'Uitgever',
  rateThisBook: 'Beoordeel dit boek',
  ratingSummary: (average, count) => `${average} van 5 sterren van ${count} ${count === 1 ? 'lezer' : 'lezers'}`,
  noRatings: 'Nog geen beoordelingen.',
  provisionalRatings: (n) =>
    n === 1
      ? `Nog ${n} wacht op bevestiging van het e-mailadres.`
      : `Nog ${n} wachten op bevestiging van het e-mailadres.`,
  share: (canon) =>
    `Deel je kijk. Hoort dit boek in de ${canon}? Wat zijn de belangrijkste inzichten? Deel gerust links naar recensies of andere informatie over dit boek of de thema’s ervan.`,
  yourName: 'Je naam',
  yourEmail: 'E-mailadres',
  yourRating: 'Jouw beoordeling',
  noRating: 'Geen beoordeling',
  stars: (n) => `${n.replace('.', ',')} ${n === '1' ? 'ster' : 'sterren'}`,
  yourComment: 'Je reactie',
  spoilerBox: 'Het verklapt de plot (verberg het achter een klik)',
  submit: 'Versturen',
  commentingAs: (name) => `Je doet mee als ${name}.`,
  checkInbox:
    'Kijk na het versturen van je reactie in je inbox voor de bevestiging. Volg de link in de e-mail om die goed te keuren. Dat hoeft maar één keer.',
  waitingNote: 'Wacht op de bevestiging van je e-mailadres; alleen jij ziet dit.',
  sent: 'Bedankt. Kijk in je inbox: je beoordeling en reactie tellen mee zodra je de link in de e-mail volgt. Dat hoeft maar één keer.',
  sentConfirmed: 'Bedankt, het is gepubliceerd.',
  problems: {
    csrf: 'Dit formulier was verlopen. Verstuur het opnieuw.',
    who: 'Vul je naam en een geldig e-mailadres in.',
    comment: 'De reactie is te kort of te lang.',
    rating: 'Kies een beoordeling van een halve ster tot vijf sterren.',
    nothing: 'Schrijf een reactie of kies een beoordeling.',
    limited: 'Te veel berichten in korte tijd. Probeer het later opnieuw.',
  },
  comments: (n) => (n === 0 ? 'Nog geen reacties' : n === 1 ? 'Eén reactie' : `${n} reacties`),
  on: 'op',
  imported: 'van de oorspronkelijke canonwebsite',
  spoiler: 'Bevat spoilers: tonen',
  chapters: 'Hoofdstukken',
  tags: 'Tags',
  reviews: 'Recensies en links',
  alsoOn: 'Ook bij',
  yourLibrary: 'je bibliotheek (WorldCat)',
  books: 'Boeken in de canon',
  ratingShort: (average, count) => `★ ${average} (${count})`,
  unrated: 'nog niet beoordeeld',
  commentCount: (n) => (n === 1 ? '1 reactie' : `${n} reacties`),
  feed: 'Reacties (Atom-feed)',
  allFeed: 'Recente reacties (Atom-feed)',
  notFound: 'Niet in de canon',
  notFoundText: 'Op dit adres staat geen boek.',
  backToCanon: 'Terug naar de canon',
  skip: 'Naar de inhoud',
};

const ja: Words = {
  by: '著者',
  published: '出版日',
  publisher: '出版社',
  rateThisBook: 'この本を評価する',
  ratingSummary: (average, count) => `5 つ星のうち ${average}（${count} 人の読者）`,
  noRatings: '評価はまだありません。',
  provisionalRatings: (n) => `ほかに ${n} 件がメールアドレスの確認を待っています。`,
  share: (canon) =>
    `あなたの視点を共有してください。この本は${canon}にふさわしいですか？ 押さえておくべき最も大切な点は何ですか？ この本やそのテーマに関するレビューや情報へのリンクもぜひお寄せください。`,
  yourName: 'お名前',
  yourEmail: 'メールアドレス',
  yourRating: 'あなたの評価',
  noRating: '評価なし',
  stars: (n) => `星 ${n}`,
  yourComment: 'コメント',
  spoilerBox: 'あらすじの核心に触れています（クリックするまで隠す）',
  submit: '送信',
  commentingAs: (name) => `${name} として参加しています。`,
  checkInbox:
    'コメントを送信すると、確認のメールが届きます。メール内のリンクを開いて承認してください。この操作は一度だけで済みます。',
  waitingNote: 'メールアドレスの確認待ちです。あなたにだけ表示されています。',
  sent: 'ありがとうございます。受信トレイを確認してください。メールのリンクを開くと、評価とコメントが反映されます。この操作は一度だけで済みます。',
  sentConfirmed: 'ありがとうございます。公開されました。',
  problems: {
    csrf: 'このフォームは有効期限が切れていました。もう一度送信してください。',
    who: 'お名前と有効なメールアドレスを入力してください。',
    comment: 'コメントが短すぎるか、長すぎます。',
    rating: '星半分から星 5 つまでの評価を選んでください。',
    nothing: 'コメントを書くか、評価を選んでください。',
    limited: '短時間の投稿が多すぎます。しばらくしてからもう一度お試しください。',
  },
  comments: (n) => (n === 0 ? 'コメントはまだありません' : `コメント ${n} 件`),
  on: '',
  imported: '元のカノンのサイトより',
  spoiler: 'ネタバレを含みます：表示',
  chapters: '目次',
  tags: 'タグ',
  reviews: 'レビューとリンク',
  alsoOn: 'ほかの購入先',
  yourLibrary: 'お近くの図書館（WorldCat）',
  books: 'カノンに収録された本',
  ratingShort: (average, count) => `★ ${average}（${count}）`,
  unrated: '未評価',
  commentCount: (n) => `コメント ${n} 件`,
  feed: 'コメント（Atom フィード）',
  allFeed: '最新のコメント（Atom フィード）',
  notFound: 'カノンにありません',
  notFoundText: 'このアドレスには本がありません。',
  backToCanon: 'カノンに戻る',
  skip: '本文へ移動',
};

export const WORDS: Record<Locale, Words> = { en, de, fr, es, it, nl, ja };

/** The first supported language in the header's preference order (q-values honoured); English otherwise. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (acceptLanguage === undefined) return DEFAULT_LANGUAGE;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { lang } of ranked) {
    const supported = supportedLanguage(lang);
    if (supported !== null) return supported;
  }
  return DEFAULT_LANGUAGE;
}
