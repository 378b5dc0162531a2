/**
 * Indigo (Chapters Indigo, Canada). Product pages are
 * `/<locale>/<slug>/<ISBN-13>.html`; gifts and toys use the same shape with
 * a UPC or item number, which fails the ISBN check. The product JSON-LD is a
 * `Product`, not a `Book`, so the details list ("ISBN:") is read instead.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { valueAfterLabel } from '../base/labelled-value';
import { allTexts, firstText } from '../base/page';
import type { BookFormat, BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['h1.product-name', 'h1'],
  authors: ['.product-contributors a', '.contributor-name a'],
  details: ['.product-details', '.product-attributes', 'main'],
  format: ['.product-format .selected', '.product-format'],
} as const;

const PRODUCT_PATH = /^\/(?:en|fr)-ca\/[^/]+\/(\d{13})\.html$/;

function formatOf(text: string): BookFormat | undefined {
  if (/ebook|kobo/i.test(text)) return 'ebook';
  if (/audio/i.test(text)) return 'audio';
  return /hardcover|paperback|couverture/i.test(text) ? 'print' : undefined;
}

export const indigo: SiteAdapter = {
  id: 'indigo',
  name: 'Indigo',
  matches: ['*://*.indigo.ca/*'],
  test: (url) => /(^|\.)indigo\.ca$/.test(url.hostname),
  detect(doc: Document, url: URL): BookRef | null {
    const urlIsbns = findIsbnCandidates(PRODUCT_PATH.exec(url.pathname)?.[1] ?? '').map(
      (candidate) => candidate.isbn13,
    );
    // Search (`/en-ca/search?q=`), categories, and products with a UPC.
    if (urlIsbns.length === 0) return null;
    const details = SELECTORS.details.map((selector) => doc.querySelector(selector)).find((el) => el !== null) ?? doc;
    const labelled = findIsbnCandidates(valueAfterLabel(details, /^(?:ISBN(?:-?13)?|EAN):?$/i)).map(
      (candidate) => candidate.isbn13,
    );
    return buildBookRef({
      site: 'indigo',
      signals: ['site:indigo'],
      isbns: labelled.length > 0 ? labelled : urlIsbns,
      title: firstText(doc, SELECTORS.title),
      authors: allTexts(doc, SELECTORS.authors),
      format: formatOf(firstText(doc, SELECTORS.format)),
    });
  },
};

// Page types:
//   product  https://www.indigo.ca/en-ca/the-handmaids-tale/9780385490818.html
//   search   https://www.indigo.ca/en-ca/search?q=atwood
// No saved product page found in public repositories; selectors unverified against real markup.
