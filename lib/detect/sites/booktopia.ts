/**
 * Booktopia (Australia). Print books are `/<slug>/book/<ISBN-13>.html`,
 * ebooks `/<slug>/ebook/<ISBN-13>.html` (older ebook links
 * `/ebooks/<slug>/prod<ISBN-13>.html`), audiobooks `…/audiobook/…`. The
 * details list labels "ISBN:".
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { valueAfterLabel } from '../base/labelled-value';
import { allTexts, firstText } from '../base/page';
import type { BookFormat, BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['h1[itemprop="name"]', '#product-title h1', 'h1'],
  authors: ['[itemprop="author"] a', 'a[href*="/search.ep?author="]', 'a[href*="/author/"]'],
  details: ['#details', '.product-details', 'main'],
} as const;

const PRODUCT_PATH =
  /^\/(?:[^/]+\/(book|ebook|audiobook)\/(97[89]\d{10})\.html|ebooks\/[^/]+\/prod(97[89]\d{10})\.html)$/;
const FORMATS: Record<string, BookFormat> = { book: 'print', ebook: 'ebook', audiobook: 'audio' };

export const booktopia: SiteAdapter = {
  id: 'booktopia',
  name: 'Booktopia',
  matches: ['*://*.booktopia.com.au/*'],
  test: (url) => /(^|\.)booktopia\.com\.au$/.test(url.hostname),
  detect(doc: Document, url: URL): BookRef | null {
    const match = PRODUCT_PATH.exec(url.pathname);
    // Search (`/search.ep?keywords=`) and category pages.
    if (!match) return null;
    const urlIsbn = match[2] ?? match[3] ?? '';
    const details = SELECTORS.details.map((selector) => doc.querySelector(selector)).find((el) => el !== null) ?? doc;
    const labelled = findIsbnCandidates(valueAfterLabel(details, /^ISBN:?$/i)).map((candidate) => candidate.isbn13);
    return buildBookRef({
      site: 'booktopia',
      signals: ['site:booktopia'],
      isbns: labelled.length > 0 ? labelled : findIsbnCandidates(urlIsbn).map((candidate) => candidate.isbn13),
      title: firstText(doc, SELECTORS.title),
      authors: allTexts(doc, SELECTORS.authors),
      format: match[1] ? FORMATS[match[1]] : 'ebook',
    });
  },
};

// Page types:
//   book     https://www.booktopia.com.au/boy-swallows-universe-trent-dalton/book/9781460753897.html
//   ebook    https://www.booktopia.com.au/ebooks/<slug>/prod<ISBN-13>.html
//   search   https://www.booktopia.com.au/search.ep?keywords=trent+dalton
// No saved product page found in public repositories; selectors unverified against real markup.
