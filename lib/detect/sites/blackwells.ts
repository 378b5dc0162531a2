/**
 * Blackwell's. Product pages are `/bookshop/product/<ISBN-13>` (optionally
 * `<slug>-by-<author>/<ISBN-13>`); the product details list labels the
 * ISBN13. Search and category pages share the `/bookshop/` prefix.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { valueAfterLabel } from '../base/labelled-value';
import { allTexts, firstText } from '../base/page';
import { NO_SCHEMA, type SchemaReaders } from '../base/schema-readers';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['h1.product__name', 'h1[itemprop="name"]', 'h1'],
  authors: ['.product__author a', '[itemprop="author"]'],
  details: ['.product-info', '.product__details', 'main'],
} as const;

const PRODUCT_PATH = /^\/bookshop\/product\/(?:[^/]+\/)?(97[89]\d{10})\/?$/;

export const blackwells: SiteAdapter = {
  id: 'blackwells',
  name: "Blackwell's",
  matches: ['*://blackwells.co.uk/*', '*://*.blackwells.co.uk/*'],
  test: (url) => /(^|\.)blackwells\.co\.uk$/.test(url.hostname),
  urlMayBeBook: (url) => PRODUCT_PATH.test(url.pathname),
  readsSchema: true,
  detect(doc: Document, url: URL, schema: SchemaReaders = NO_SCHEMA): BookRef | null {
    const urlIsbn = PRODUCT_PATH.exec(url.pathname)?.[1];
    if (!urlIsbn) return null;
    const details = SELECTORS.details.map((selector) => doc.querySelector(selector)).find((el) => el !== null) ?? doc;
    const jsonld = schema.jsonLd(doc);
    const labelled = findIsbnCandidates(valueAfterLabel(details, /^ISBN ?13:?$/i)).map((candidate) => candidate.isbn13);
    const fromUrl = findIsbnCandidates(urlIsbn).map((candidate) => candidate.isbn13);
    return buildBookRef({
      site: 'blackwells',
      signals: ['site:blackwells'],
      isbns: [labelled, jsonld.isbns, fromUrl].find((list) => list.length > 0) ?? [],
      title: firstText(doc, SELECTORS.title) || jsonld.title,
      authors: allTexts(doc, SELECTORS.authors),
      format: jsonld.format,
    });
  },
};

// Page types:
//   product  https://blackwells.co.uk/bookshop/product/9780007230204
//   search   https://blackwells.co.uk/bookshop/search/?keyword=hilary+mantel
// No saved product page found in public repositories; selectors unverified against real markup.
