/**
 * Better World Books. Product pages end in the ISBN-13
 * (`/product/detail/<slug>-<ISBN-13>`); the details list repeats it as
 * "ISBN 13:" next to "ISBN 10:". Used copies of one edition share the page.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { valueAfterLabel } from '../base/labelled-value';
import { allTexts, firstText } from '../base/page';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['h1[itemprop="name"]', 'h1'],
  authors: ['[itemprop="author"]', 'a[href*="/author/"]'],
  details: ['.product-details', '#product-details', 'main'],
} as const;

const PRODUCT_PATH = /^\/product\/detail\/[^/]*-(97[89]\d{10})\/?$/;

export const betterWorldBooks: SiteAdapter = {
  id: 'betterworldbooks',
  name: 'Better World Books',
  matches: ['*://*.betterworldbooks.com/*', '*://*.betterworldbooks.co.uk/*'],
  test: (url) => /(^|\.)betterworldbooks\.(com|co\.uk)$/.test(url.hostname),
  detect(doc: Document, url: URL): BookRef | null {
    const urlIsbn = PRODUCT_PATH.exec(url.pathname)?.[1];
    // Search (`/search/results?q=`) and collection pages.
    if (!urlIsbn) return null;
    const details = SELECTORS.details.map((selector) => doc.querySelector(selector)).find((el) => el !== null) ?? doc;
    const labelled = findIsbnCandidates(valueAfterLabel(details, /^ISBN[- ]?13:?$/i)).map(
      (candidate) => candidate.isbn13,
    );
    return buildBookRef({
      site: 'betterworldbooks',
      signals: ['site:betterworldbooks'],
      isbns: labelled.length > 0 ? labelled : findIsbnCandidates(urlIsbn).map((candidate) => candidate.isbn13),
      title: firstText(doc, SELECTORS.title),
      authors: allTexts(doc, SELECTORS.authors),
    });
  },
};

// Page types:
//   product  https://www.betterworldbooks.com/product/detail/the-great-gatsby-9780743273565
//   search   https://www.betterworldbooks.com/search/results?q=fitzgerald
// No saved product page found in public repositories; selectors unverified against real markup.
