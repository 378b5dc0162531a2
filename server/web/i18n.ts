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
  rateHow: 'Ratings and comments are given with the Bookside browser extension.',
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
  rateHow: 'Bewertet und kommentiert wird mit der Browser-Erweiterung Bookside.',
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
