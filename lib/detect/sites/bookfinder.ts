import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { firstText } from '../base/page';
import { textOf } from '../base/text';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['h1.bf-content-header-book-title', '#book-info h1'],
  author: ['.bf-content-header-book-author strong', '.bf-content-header-book-author'],
  /** `<strong>ISBN:</strong> 9780441020348 / 0441020348` in the book info block. */
  infoLabels: '#book-info strong, #bookinfo strong',
};

/** A book page is `/isbn/<isbn>/`; searches live under `/search/` and `/search_s/`. */
const ISBN_PATH = /^\/isbn\/([\dXx-]{10,17})\/?$/;

function detect(doc: Document, url: URL): BookRef | null {
  const label = [...doc.querySelectorAll(SELECTORS.infoLabels)].find((el) => /^ISBN/i.test(textOf(el)));
  const isbnText =
    textOf(label?.parentElement)
      .split(/ISBN:/i)[1]
      ?.split(/Publisher|Edition|Language/i)[0] ?? '';
  const fromPage = findIsbnCandidates(isbnText).map((candidate) => candidate.isbn13);
  return buildBookRef({
    site: 'bookfinder',
    signals: fromPage.length > 0 ? ['site:bookfinder'] : ['site:bookfinder', 'url'],
    isbns: fromPage.length > 0 ? fromPage : [ISBN_PATH.exec(url.pathname)?.[1] ?? ''],
    title: firstText(doc, SELECTORS.title),
    authors: [firstText(doc, SELECTORS.author).replace(/^by\s+/i, '')],
  });
}

export const bookfinder: SiteAdapter = {
  id: 'bookfinder',
  name: 'BookFinder',
  matches: ['*://*.bookfinder.com/*'],
  test: (url) => /(^|\.)bookfinder\.com$/.test(url.hostname) && ISBN_PATH.test(url.pathname),
  detect,
};

// Tested on:
// https://www.bookfinder.com/isbn/9780441020348/
// Checked against a real page: tfonteyn/NeverTooManyBooks app/src/androidTest/res/raw/bookfinder_9780441020348.html
