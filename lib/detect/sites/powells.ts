/**
 * Powell's Books. Product pages end in the ISBN-13 (`/book/<slug>-<ISBN-13>`,
 * with optional `/<section>` after it); the details list labels it "ISBN:"
 * (sometimes the ISBN-10 under "ISBN10:").
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { valueAfterLabel } from '../base/labelled-value';
import { allTexts, firstText } from '../base/page';
import { NO_SCHEMA, type SchemaReaders } from '../base/schema-readers';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['h1.book-title', 'h1[itemprop="name"]', 'h1'],
  authors: ['.book-author a', '[itemprop="author"]'],
  details: ['#seemore', '.product-details', '.book-details'],
} as const;

const PRODUCT_PATH = /^\/book\/(?:[^/]*-)?(97[89]\d{10})(?:\/\d+-\d+)?\/?$/;

export const powells: SiteAdapter = {
  id: 'powells',
  name: "Powell's Books",
  matches: ['*://*.powells.com/*'],
  test: (url) => /(^|\.)powells\.com$/.test(url.hostname),
  readsSchema: true,
  detect(doc: Document, url: URL, schema: SchemaReaders = NO_SCHEMA): BookRef | null {
    const urlIsbn = PRODUCT_PATH.exec(url.pathname)?.[1];
    // Search (`/searchresults?keyword=`), sections and staff-pick lists.
    if (!urlIsbn) return null;
    const details = SELECTORS.details.map((selector) => doc.querySelector(selector)).find((el) => el !== null) ?? doc;
    const labelled = findIsbnCandidates(valueAfterLabel(details, /^ISBN(?:13)?:?$/i)).map(
      (candidate) => candidate.isbn13,
    );
    const jsonld = schema.jsonLd(doc);
    return buildBookRef({
      site: 'powells',
      signals: ['site:powells'],
      isbns:
        [labelled, jsonld.isbns, findIsbnCandidates(urlIsbn).map((candidate) => candidate.isbn13)].find(
          (list) => list.length > 0,
        ) ?? [],
      title: firstText(doc, SELECTORS.title) || jsonld.title,
      authors: allTexts(doc, SELECTORS.authors),
      format: jsonld.format,
    });
  },
};

// Page types:
//   product  https://www.powells.com/book/demon-copperhead-9780063251922
//   search   https://www.powells.com/searchresults?keyword=kingsolver
// No saved product page found in public repositories; selectors unverified against real markup.
