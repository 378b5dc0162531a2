/**
 * Foyles. Book pages are `/book/<title-slug>/<author-slug>/<ISBN-13>`; the
 * product information block labels "ISBN:". Search and category pages live
 * under other paths.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { valueAfterLabel } from '../base/labelled-value';
import { allTexts, firstText } from '../base/page';
import { NO_SCHEMA, type SchemaReaders } from '../base/schema-readers';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['h1.product-title', 'h1'],
  authors: ['.product-author a', 'a[href*="/author/"]'],
  details: ['.product-information', '.product-details', 'main'],
} as const;

const BOOK_PATH = /^\/book\/[^/]+\/[^/]+\/(97[89]\d{10})\/?$/;

export const foyles: SiteAdapter = {
  id: 'foyles',
  name: 'Foyles',
  matches: ['*://*.foyles.co.uk/*'],
  test: (url) => /(^|\.)foyles\.co\.uk$/.test(url.hostname),
  readsSchema: true,
  detect(doc: Document, url: URL, schema: SchemaReaders = NO_SCHEMA): BookRef | null {
    const urlIsbn = BOOK_PATH.exec(url.pathname)?.[1];
    // Search (`/search?term=`), categories, events.
    if (!urlIsbn) return null;
    const details = SELECTORS.details.map((selector) => doc.querySelector(selector)).find((el) => el !== null) ?? doc;
    const labelled = findIsbnCandidates(valueAfterLabel(details, /^ISBN(?:-?13)?:?$/i)).map(
      (candidate) => candidate.isbn13,
    );
    const jsonld = schema.jsonLd(doc);
    return buildBookRef({
      site: 'foyles',
      signals: ['site:foyles'],
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
//   book     https://www.foyles.co.uk/book/the-seven-husbands-of-evelyn-hugo/taylor-jenkins-reid/9781398515697
//   search   https://www.foyles.co.uk/search?term=taylor+jenkins+reid
// No saved product page found in public repositories; selectors unverified against real markup.
