/**
 * The StoryGraph. Book pages (`app.thestorygraph.com/books/<uuid>`) are one
 * edition; its "Edition info" prints "ISBN/UID:", which is an ISBN-10, an
 * ISBN-13 or — for editions without one — StoryGraph's own id, so only a
 * value that passes the ISBN check is kept. The heading holds the title with
 * the author and series lines nested inside it.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { valueAfterLabel } from '../base/labelled-value';
import { allTexts } from '../base/page';
import { formatFromWord } from '../signals/reading';
import { cleanText } from '../base/text';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  heading: '.book-title-author-and-series h3, .book-title-author-and-series h1',
  authors: ['.book-title-author-and-series a[href^="/authors/"]'],
  editionInfo: '.edition-info',
} as const;

const BOOK_PATH = /^\/books\/[0-9a-f-]{36}\/?$/;

/** The heading's own text, without the nested author and series lines. */
function headingTitle(doc: Document): string {
  const heading = doc.querySelector(SELECTORS.heading);
  if (!heading) return '';
  return cleanText(
    [...heading.childNodes]
      .filter((node) => node.nodeType === 3)
      .map((node) => node.textContent)
      .join(' '),
  );
}

export const storygraph: SiteAdapter = {
  id: 'storygraph',
  name: 'The StoryGraph',
  // Turbo: links swap the body without a page load.
  navigatesInPlace: true,
  matches: ['*://app.thestorygraph.com/*'],
  test: (url) => url.hostname === 'app.thestorygraph.com',
  detect(doc: Document, url: URL): BookRef | null {
    // Browse/search, reading lists, profiles and the "editions" list of a book.
    if (!BOOK_PATH.test(url.pathname)) return null;
    const info = doc.querySelector(SELECTORS.editionInfo) ?? doc;
    return buildBookRef({
      site: 'storygraph',
      signals: ['site:storygraph'],
      isbns: findIsbnCandidates(valueAfterLabel(info, /^ISBN\/UID:?$/i)).map((candidate) => candidate.isbn13),
      title: headingTitle(doc),
      authors: allTexts(doc, SELECTORS.authors),
      format: formatFromWord(valueAfterLabel(info, /^Format:?$/i)),
    });
  },
};

// Page types:
//   book     https://app.thestorygraph.com/books/3ef0b1a4-8c4b-4bd8-9d2c-6c8d2a7e4f10
//   editions https://app.thestorygraph.com/books/3ef0b1a4-8c4b-4bd8-9d2c-6c8d2a7e4f10/editions
//   search   https://app.thestorygraph.com/browse?search_term=project+hail+mary
// No saved book page found in public repositories (dtbray/storygraph-api tests/fixtures/book_page.html is a
// sanitised stub); the heading and /authors/ links agree with that project's parser.
