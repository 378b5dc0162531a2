/**
 * Google Books. The classic "About this book" page (`books.google.<tld>/books?id=`,
 * `/books/about/<title>.html?id=`) has a bibliographic table; the newer
 * `google.com/books/edition/<slug>/<id>` page uses generated class names, so
 * it is read by its visible "ISBN" label. Both print the ISBN-10 and ISBN-13
 * in one cell ("054792822X, 9780547928227"). Scanned public-domain books have
 * no ISBN row.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { valueAfterLabel } from '../base/labelled-value';
import { allTexts, firstText, labelledValues } from '../base/page';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  /** Classic page: `<tr class="metadata_row"><td class="metadata_label">ISBN</td><td class="metadata_value">…`. */
  metadataRows: '#metadata_content_table tr',
  metadataLabel: '.metadata_label',
  title: [
    'h1.booktitle .fn',
    'h1.booktitle',
    // New edition pages: the only h1 is the title.
    'h1',
  ],
  authors: [
    // Classic page: author links under the title carry `q=inauthor:`.
    '#bookinfo a[href*="inauthor"]',
    'a[href*="inauthor"]',
  ],
} as const;

/** Hosts: books.google.<tld>; the new edition pages are on www.google.<tld>/books/edition/. */
const BOOKS_HOST = /^books\.google\.[a-z.]+$/;
const GOOGLE_HOST = /^www\.google\.[a-z.]+$/;

function isVolumePage(url: URL): boolean {
  if (GOOGLE_HOST.test(url.hostname)) return /^\/books\/edition\/[^/]+\/[\w-]+/.test(url.pathname);
  // `?id=` names one volume; `?q=` alone, `?uid=` (a user's library) and the home page do not.
  return /^\/books(\/about\/[^/]+\.html)?$/.test(url.pathname) && url.searchParams.has('id');
}

export const googleBooks: SiteAdapter = {
  id: 'googlebooks',
  name: 'Google Books',
  // Google's edition pages load results and editions in place.
  navigatesInPlace: true,
  matches: [
    '*://books.google.com/*',
    '*://books.google.co.uk/*',
    '*://books.google.ca/*',
    '*://books.google.com.au/*',
    '*://books.google.de/*',
    '*://books.google.fr/*',
    '*://books.google.es/*',
    '*://books.google.it/*',
    '*://books.google.nl/*',
    '*://www.google.com/books/edition/*',
  ],
  test: (url) =>
    BOOKS_HOST.test(url.hostname) || (GOOGLE_HOST.test(url.hostname) && url.pathname.startsWith('/books/')),
  detect(doc: Document, url: URL): BookRef | null {
    if (!isVolumePage(url)) return null;
    const metadata = labelledValues(doc.querySelectorAll(SELECTORS.metadataRows), SELECTORS.metadataLabel);
    const isbnText = metadata.get('isbn') ?? valueAfterLabel(doc, /^ISBNs?:?$/);
    const metadataAuthors = metadata.get('author') ?? metadata.get('authors');
    return buildBookRef({
      site: 'googlebooks',
      signals: ['site:googlebooks'],
      // Written "10-form, 13-form": the 13-form is canonical for both, so the list collapses to one.
      isbns: findIsbnCandidates(isbnText).map((candidate) => candidate.isbn13),
      title: metadata.get('title') ?? firstText(doc, SELECTORS.title),
      authors: metadataAuthors ? metadataAuthors.split(/\s*,\s*/) : allTexts(doc, SELECTORS.authors),
    });
  },
};

// Page types:
//   about (classic)  https://books.google.com/books/about/The_Hobbit.html?id=pD6arNyKyi8C
//   volume           https://books.google.com/books?id=s1gVAAAAYAAJ
//   edition (new)    https://www.google.com/books/edition/The_Hobbit/pD6arNyKyi8C
//   search           https://books.google.com/books?q=tolkien
// No saved book page found in public repositories. The classic #metadata_content_table tr.metadata_row with
// td.metadata_label/td.metadata_value is what public Google Books scrapers read.
