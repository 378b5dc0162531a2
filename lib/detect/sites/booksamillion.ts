/**
 * Books-A-Million. Book pages are `/p/<title-slug>/<author-slug>/<ISBN-13>`;
 * the same `/p/` path serves toys and gifts whose last segment is an item
 * number, so the ISBN check on that segment tells them apart. The "Product
 * Details" list labels "ISBN-13:".
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { valueAfterLabel } from '../base/labelled-value';
import { allTexts, firstText } from '../base/page';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['h1[itemprop="name"]', '.productInfoTitle h1', 'h1'],
  authors: ['.productInfoText a[href*="/search?query="]', '[itemprop="author"]'],
  details: ['.details-content-text', '#details', 'main'],
} as const;

const PRODUCT_PATH = /^\/p\/[^/]+\/[^/]+\/([^/]+)\/?$/;

export const booksAMillion: SiteAdapter = {
  id: 'booksamillion',
  name: 'Books-A-Million',
  matches: ['*://*.booksamillion.com/*'],
  test: (url) => /(^|\.)booksamillion\.com$/.test(url.hostname),
  detect(doc: Document, url: URL): BookRef | null {
    const lastSegment = PRODUCT_PATH.exec(url.pathname)?.[1] ?? '';
    const urlIsbns = findIsbnCandidates(lastSegment).map((candidate) => candidate.isbn13);
    // Search (`/search?query=`), categories, and non-book products.
    if (urlIsbns.length === 0) return null;
    const details = SELECTORS.details.map((selector) => doc.querySelector(selector)).find((el) => el !== null) ?? doc;
    const labelled = findIsbnCandidates(valueAfterLabel(details, /^ISBN-?13:?$/i)).map((candidate) => candidate.isbn13);
    return buildBookRef({
      site: 'booksamillion',
      signals: ['site:booksamillion'],
      isbns: labelled.length > 0 ? labelled : urlIsbns,
      title: firstText(doc, SELECTORS.title),
      authors: allTexts(doc, SELECTORS.authors),
    });
  },
};

// Page types:
//   product  https://www.booksamillion.com/p/Seven-Husbands-Evelyn-Hugo/Taylor-Jenkins-Reid/9781501161933
//   search   https://www.booksamillion.com/search?query=taylor%20jenkins%20reid
// No saved product page found in public repositories; selectors unverified against real markup.
