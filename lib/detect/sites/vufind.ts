import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../bookref';
import { allTexts, firstText, labelledValues, metaContent } from '../page';
import type { BookRef, SiteAdapter } from '../types';

const SELECTORS = {
  /** Record view headings carry RDFa `property="name"` (h1 in VuFind 4+, h3 in bootstrap3 themes of 2–3). */
  title: ['h1[property="name"]', 'h2[property="name"]', 'h3[property="name"]'],
  authors: ['[property="author"] a', '[property="creator"] a'],
  detailRows: 'table tr', // "Bibliographische Detailangaben" and the description tab: `<th>ISBN:</th><td>…`
  label: 'th',
};

function detect(doc: Document): BookRef | null {
  const title = firstText(doc, SELECTORS.title);
  if (!title) return null; // search results, home page
  const values = labelledValues(doc.querySelectorAll(SELECTORS.detailRows), SELECTORS.label);
  return buildBookRef({
    site: 'vufind',
    signals: ['site:vufind'],
    isbns: findIsbnCandidates(values.get('isbn') ?? '').map((candidate) => candidate.isbn13),
    title: title.replace(/\s*\/\s*$/, ''),
    authors: allTexts(doc, SELECTORS.authors),
  });
}

export const vufind: SiteAdapter = {
  id: 'vufind',
  name: 'VuFind',
  // Discovery layer run by hundreds of libraries on their own hosts: recognised by its generator tag.
  matches: [],
  // Read from <head> only: this test runs on every page of the any-site script.
  test: (_url, doc) => /^VuFind/i.test(metaContent(doc.head ?? doc, 'generator')),
  detect,
};

// Tested on:
// smartBib (Kreis Recklinghausen libraries), VuFind 3.1.3 record "Beschreibung" tab (saved without its URL)
