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
