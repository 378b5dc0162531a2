import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { NON_BOOK_MEDIA } from '../base/media';
import { allTexts, firstText, labelledValues, metaContent } from '../base/page';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  /** Record view headings carry RDFa `property="name"` (h1 in VuFind 4+, h3 in bootstrap3 themes of 2–3). */
  title: ['h1[property="name"]', 'h2[property="name"]', 'h3[property="name"]'],
  authors: ['[property="author"] a', '[property="creator"] a'],
  detailRows: 'table tr', // "Bibliographische Detailangaben" and the description tab: `<th>ISBN:</th><td>…`
  label: 'th',
  /** VuFind's COinS span names it as referrer (`rfr_id=info:sid/vufind.svn.sourceforge.net:generator`). */
  coinsClass: 'Z3988',
};

function coinsTitle(doc: Document): string {
  return doc.getElementsByClassName(SELECTORS.coinsClass)[0]?.getAttribute('title') ?? '';
}

function detect(doc: Document): BookRef | null {
  const title = firstText(doc, SELECTORS.title);
  if (!title) return null; // search results, home page
  // The record's format as VuFind writes it into its COinS (`rft.format=Zeitschrift+%2F+Zeitung`);
  // a record that is also a book (`Buch`, `eBook`, `Sachbuch`) stays one.
  const format = /rft\.format=([^&]*)/.exec(coinsTitle(doc))?.[1] ?? '';
  if (NON_BOOK_MEDIA.test(format) && !/book|buch/i.test(format)) return null;
  const values = labelledValues(doc.querySelectorAll(SELECTORS.detailRows), SELECTORS.label);
  return buildBookRef({
    site: 'vufind',
    signals: ['site:vufind'],
    isbns: findIsbnCandidates(values.get('isbn') ?? '').map((candidate) => candidate.isbn13),
    title: title.replace(/\s*[/:]\s*$/, ''),
    authors: allTexts(doc, SELECTORS.authors),
  });
}

/** The platform's own cheap test, apart: the any-site script carries it alone (modules/site-content-scripts). */
export const vufindTest: SiteAdapter['test'] = (_url, doc) =>
  /^VuFind/i.test(metaContent(doc.head ?? doc, 'generator')) || /vufind/.test(coinsTitle(doc));

export const vufind: SiteAdapter = {
  id: 'vufind',
  name: 'VuFind',
  // Discovery layer run by hundreds of libraries on their own hosts: recognised by its generator tag.
  matches: [],
  // Cheap reads only: this test runs on every page of the any-site script. Libraries that strip the
  // generator tag still ship VuFind's COinS span (a class lookup, no attribute scan).
  test: vufindTest,
  detect,
};

// Tested on:
// smartBib (Kreis Recklinghausen libraries), VuFind 3.1.3 record "Beschreibung" tab (saved without its URL)
// Checked against real pages: opacapp/opacclient opacclient/libopac/src/test/resources/vufind/result_detail/
//   kreisre_copies.html, muenster_copies.html (no generator tag), kreismettmann_magazine.html,
//   kreisre_volumes.html and muenster_volumes.html (periodicals: null) (2016–2018)
