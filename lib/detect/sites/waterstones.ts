/**
 * Waterstones. Book pages are `/book/<title-slug>/<author-slug>/<ISBN-13>`
 * and carry schema.org microdata (`itemprop=isbn`, `bookFormat`); the same
 * site sells gifts and stationery under other paths.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { allTexts, firstText } from '../base/page';
import { NO_SCHEMA, type SchemaReaders } from '../base/schema-readers';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['#scope_book_title', 'h1 [itemprop="name"]', 'h1'],
  authors: [
    '[itemprop="author"] [itemprop="name"]',
    // Author links on pages where the microdata wrapper is missing.
    '.book-detail-author a, a[href*="/author/"]',
  ],
} as const;

/** `/book/<title>/<author>[/<author>…]/<isbn>`: one slug per contributor. */
const BOOK_PATH = /^\/book\/(?:[^/]*\/){1,5}(97[89]\d{10})\/?$/;

export const waterstones: SiteAdapter = {
  id: 'waterstones',
  name: 'Waterstones',
  matches: ['*://*.waterstones.com/*'],
  test: (url) => /(^|\.)waterstones\.com$/.test(url.hostname),
  urlMayBeBook: (url) => BOOK_PATH.test(url.pathname),
  readsSchema: true,
  detect(doc: Document, url: URL, schema: SchemaReaders = NO_SCHEMA): BookRef | null {
    const urlIsbn = BOOK_PATH.exec(url.pathname)?.[1];
    // Search (`/books/search/term/…`), category and gift pages.
    if (!urlIsbn) return null;
    const microdata = schema.microdata(doc);
    const isbns =
      microdata.isbns.length > 0 ? microdata.isbns : findIsbnCandidates(urlIsbn).map((candidate) => candidate.isbn13);
    return buildBookRef({
      site: 'waterstones',
      signals: ['site:waterstones', ...(microdata.isbns.length > 0 ? ['microdata'] : ['url'])],
      isbns,
      title: firstText(doc, SELECTORS.title) || microdata.title,
      authors: allTexts(doc, SELECTORS.authors),
      format: microdata.format,
    });
  },
};

// Page types:
//   book     https://www.waterstones.com/book/normal-people/sally-rooney/9780571334650
//   search   https://www.waterstones.com/books/search/term/sally+rooney
//   category https://www.waterstones.com/category/fiction
// No saved book page found in public repositories. span#scope_book_title is what public Waterstones scrapers read.
