/** The public pages' words, in English and German, chosen by the reader's Accept-Language. */
export type Locale = 'en' | 'de';

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
    reason: 'Please give a reason (one of the choices, or a few words).',
    isbn: 'That is not a valid ISBN-10 or ISBN-13.',
    book: 'Please give the book’s title and its author.',
    gone: 'This is no longer open.',
    incanon: 'This book is already in the canon.',
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
  permalink: 'Link',
  permalinkLabel: (name: string) => `Link to the comment by ${name}`,
  flag: 'Report',
  flagLabel: (name: string) => `Report the comment by ${name}`,
  flagReason: 'Why should a moderator look at it?',
  flagReasons: {
    spam: 'Spam or advertising',
    offensive: 'Offensive or abusive',
    spoiler: 'Gives away the plot',
  } as Record<string, string>,
  flagSubmit: 'Send the report',
  flagged: 'Thank you. A moderator will look at the comment.',
  flaggedProvisional:
    'Thank you. Check your inbox: your report counts once you follow the link in the e-mail. You should only need to do this once.',
  nominations: 'Nominations',
  nominationsIntro: (canon: string) =>
    `Books readers have proposed for the ${canon}, with their reasons. Second a nomination you agree with; the moderators decide.`,
  noNominations: 'No open nominations at the moment.',
  nominatedBy: 'Nominated',
  seconds: (n: number) => (n === 0 ? 'no seconds yet' : n === 1 ? 'one reader supports it' : `${n} readers support it`),
  secondsHeading: 'Why readers second it',
  second: 'Second this nomination',
  secondReason: 'Why? (optional)',
  secondSubmit: 'Second it',
  seconded: 'Thank you, your second counts.',
  secondedProvisional:
    'Thank you. Check your inbox: your second counts once you follow the link in the e-mail. You should only need to do this once.',
  nominate: 'Nominate a book',
  nominateIntro: 'Which book is missing? Its ISBN, title and author, and why it belongs here.',
  isbn: 'ISBN',
  bookTitle: 'Title',
  bookAuthor: 'Author',
  nominateReason: 'Why does it belong in the canon?',
  nominateSubmit: 'Nominate',
  nominated: 'Thank you, your nomination is listed below.',
  nominatedProvisional:
    'Thank you. Check your inbox: your nomination is listed once you follow the link in the e-mail. You should only need to do this once.',
  recentComments: 'Recent comments',
  confirmed: 'Confirmed',
  confirmedText:
    'Thank you. Your comments are published and your ratings and tags now count. You will not need to do this again in this browser.',
  linkInvalid: 'Link not valid',
  linkInvalidText:
    'This confirmation link has expired or was already used. Ask for a new one from the Bookside options page, or post again from the canon’s pages.',
  siteNav: 'The canon',
  onBook: (title: string) => `on ${title}`,
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
    reason: 'Bitte nennen Sie einen Grund (eine der Möglichkeiten oder ein paar Worte).',
    isbn: 'Das ist keine gültige ISBN-10 oder ISBN-13.',
    book: 'Bitte geben Sie Titel und Autor des Buches an.',
    gone: 'Das ist nicht mehr offen.',
    incanon: 'Dieses Buch ist schon im Kanon.',
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
  permalink: 'Link',
  permalinkLabel: (name) => `Link zum Kommentar von ${name}`,
  flag: 'Melden',
  flagLabel: (name) => `Den Kommentar von ${name} melden`,
  flagReason: 'Warum sollte eine Moderatorin oder ein Moderator ihn ansehen?',
  flagReasons: { spam: 'Spam oder Werbung', offensive: 'Beleidigend oder verletzend', spoiler: 'Verrät die Handlung' },
  flagSubmit: 'Meldung senden',
  flagged: 'Danke. Die Moderation sieht sich den Kommentar an.',
  flaggedProvisional:
    'Danke. Sehen Sie in Ihr Postfach: Ihre Meldung zählt, sobald Sie dem Link in der E-Mail folgen. Das ist nur einmal nötig.',
  nominations: 'Vorschläge',
  nominationsIntro: (canon) =>
    `Bücher, die Lesende für den ${canon} vorschlagen, mit ihren Gründen. Unterstützen Sie einen Vorschlag, dem Sie zustimmen; die Moderation entscheidet.`,
  noNominations: 'Zurzeit gibt es keine offenen Vorschläge.',
  nominatedBy: 'Vorgeschlagen',
  seconds: (n) =>
    n === 0 ? 'noch keine Unterstützung' : n === 1 ? 'eine Person unterstützt ihn' : `${n} Personen unterstützen ihn`,
  secondsHeading: 'Warum Lesende ihn unterstützen',
  second: 'Diesen Vorschlag unterstützen',
  secondReason: 'Warum? (freiwillig)',
  secondSubmit: 'Unterstützen',
  seconded: 'Danke, Ihre Unterstützung zählt.',
  secondedProvisional:
    'Danke. Sehen Sie in Ihr Postfach: Ihre Unterstützung zählt, sobald Sie dem Link in der E-Mail folgen. Das ist nur einmal nötig.',
  nominate: 'Ein Buch vorschlagen',
  nominateIntro: 'Welches Buch fehlt? ISBN, Titel und Autor, und warum es hierher gehört.',
  isbn: 'ISBN',
  bookTitle: 'Titel',
  bookAuthor: 'Autorin oder Autor',
  nominateReason: 'Warum gehört es in den Kanon?',
  nominateSubmit: 'Vorschlagen',
  nominated: 'Danke, Ihr Vorschlag steht unten in der Liste.',
  nominatedProvisional:
    'Danke. Sehen Sie in Ihr Postfach: Ihr Vorschlag erscheint, sobald Sie dem Link in der E-Mail folgen. Das ist nur einmal nötig.',
  recentComments: 'Neue Kommentare',
  confirmed: 'Bestätigt',
  confirmedText:
    'Danke. Ihre Kommentare sind veröffentlicht, Ihre Bewertungen und Schlagwörter zählen jetzt. In diesem Browser ist das nicht noch einmal nötig.',
  linkInvalid: 'Link ungültig',
  linkInvalidText:
    'Dieser Bestätigungslink ist abgelaufen oder wurde schon benutzt. Fordern Sie auf der Optionsseite von Bookside einen neuen an oder schreiben Sie noch einmal auf den Seiten des Kanons.',
  siteNav: 'Der Kanon',
  onBook: (title) => `zu ${title}`,
};

export const WORDS: Record<Locale, Words> = { en, de };

/** The first supported language in the header's preference order (q-values honoured); English otherwise. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (acceptLanguage === undefined) return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { lang } of ranked) if (lang === 'en' || lang === 'de') return lang;
  return 'en';
}
