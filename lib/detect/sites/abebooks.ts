/**
 * AbeBooks (all storefronts). Two page types are about one book: a seller's
 * listing (`/servlet/BookDetailsPL?bi=<listing>`) and the ISBN landing page
 * listing every copy of one edition (`/<ISBN-13>/<slug>-<ISBN-10>/plp`).
 * Listings carry schema.org microdata as `<meta itemprop=…>`; old books and
 * many first editions have no ISBN at all.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { firstText } from '../base/page';
import { textOf } from '../base/text';
import { NO_SCHEMA, type SchemaReaders } from '../base/schema-readers';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['#book-title', 'h1'],
  authors: ['#book-author', '.author'],
  /** "ISBN 10: 054792822X ISBN 13: 9780547928227" under the title of a listing. */
  isbnBlock: '.isbn, #isbn',
} as const;

const LISTING = /^\/servlet\/BookDetailsPL$/i;
const LANDING = /^\/(97[89]\d{10})\/[^/]+\/plp\/?$/;

export const abebooks: SiteAdapter = {
  id: 'abebooks',
  name: 'AbeBooks',
  matches: [
    '*://*.abebooks.com/*',
    '*://*.abebooks.co.uk/*',
    '*://*.abebooks.de/*',
    '*://*.abebooks.fr/*',
    '*://*.abebooks.it/*',
    '*://*.abebooks.es/*',
  ],
  test: (url) => /(^|\.)abebooks\.(com|co\.uk|de|fr|it|es)$/.test(url.hostname),
  readsSchema: true,
  detect(doc: Document, url: URL, schema: SchemaReaders = NO_SCHEMA): BookRef | null {
    const landingIsbn = LANDING.exec(url.pathname)?.[1];
    // Search results (`/servlet/SearchResults`), seller storefronts, collections.
    if (!landingIsbn && !LISTING.test(url.pathname)) return null;
    const microdata = schema.microdata(doc);
    const labelled = findIsbnCandidates(
      [...doc.querySelectorAll(SELECTORS.isbnBlock)].map((el) => textOf(el)).join(' '),
    );
    const isbns = [
      microdata.isbns,
      labelled.map((candidate) => candidate.isbn13),
      findIsbnCandidates(landingIsbn ?? '').map((candidate) => candidate.isbn13),
    ].find((list) => list.length > 0);
    return buildBookRef({
      site: 'abebooks',
      signals: ['site:abebooks'],
      isbns: isbns ?? [],
      title: microdata.title ?? firstText(doc, SELECTORS.title),
      authors: microdata.authors.length > 0 ? microdata.authors : [firstText(doc, SELECTORS.authors)],
    });
  },
};

// Page types:
//   listing   https://www.abebooks.com/servlet/BookDetailsPL?bi=31587493722
//   landing   https://www.abebooks.com/9780547928227/Hobbit-Tolkien-J.R.R-054792822X/plp
//   search    https://www.abebooks.com/servlet/SearchResults?kn=hobbit%20tolkien
// No saved listing page found in public repositories; selectors unverified against real markup.
