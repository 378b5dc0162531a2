/**
 * Aspen Discovery and its predecessor Pika, discovery layers libraries host
 * themselves. A grouped work (`/GroupedWork/<uuid>`) gathers every edition
 * and format of a title, so the ISBNs under its "More Details" are several
 * editions' and are not reported; a record page (`/Record/<id>`, also
 * `/OverDrive/<id>`, `/Hoopla/<id>`) is one edition. Pika record pages carry
 * the MARC record as a table (`#formattedMarcRecord`).
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildAdapterBook } from '../base/bookref';
import { marcFieldTexts, marcSubfieldA } from '../base/marc-table';
import { allTexts, firstText, labelledValues } from '../base/page';
import { stripResponsibility } from '../base/text';
import type { AdapterBook, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['#record-details-column h1', 'h1.notranslate', 'h1'],
  authors: ['.result-value a[href*="/Author/Home"]', 'a[href*="/Author/Home"]'],
  /** Label/value rows: `<div class="row"><div class="result-label">ISBN</div><div class="result-value">…`. */
  detailRows: '.row, tr',
  detailLabel: '.result-label, th',
  marcRows: '#formattedMarcRecord tr, #staffViewPanel table tr',
  /** The "Table of Contents" accordion: one element per entry, or the raw 505 note. */
  tocEntries: '#tableOfContentsPanel li, #tableOfContentsPanel .tocEntry',
  tocBlock: '#tableOfContentsPanel .panel-body, #tableOfContentsPanel',
} as const;

const GROUPED_WORK = /^\/GroupedWork\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:-\w+)?(?:\/|$)/i;
const RECORD = /^\/(?:Record|OverDrive|Hoopla|CloudLibrary|Axis360)\/[^/]+(?:\/Home)?\/?$/;

/** The contents panel's entries, else its text or the 505 note as one note. */
function tableOfContents(doc: Document): string[] {
  const entries = allTexts(doc, [SELECTORS.tocEntries]);
  if (entries.length > 1) return entries;
  const note =
    marcFieldTexts(doc.querySelectorAll(SELECTORS.marcRows), '505').join(' -- ') ||
    firstText(doc, [SELECTORS.tocBlock]);
  return [note.replace(/^Table of Contents\s*/i, '')];
}

function recordIsbns(doc: Document): string[] {
  const marc = marcSubfieldA(doc.querySelectorAll(SELECTORS.marcRows), '020');
  const details = labelledValues(doc.querySelectorAll(SELECTORS.detailRows), SELECTORS.detailLabel);
  const written = marc.length > 0 ? marc : [details.get('isbn') ?? ''];
  return written.flatMap((text) => findIsbnCandidates(text).map((candidate) => candidate.isbn13));
}

/** The platform's own cheap test, apart: the any-site script carries it alone (modules/site-content-scripts). */
export const aspenTest: SiteAdapter['test'] = (url, doc) =>
  GROUPED_WORK.test(url.pathname) ||
  (RECORD.test(url.pathname) && doc.querySelector('a[href*="/GroupedWork/"]') !== null);

export const aspen: SiteAdapter = {
  id: 'aspen',
  name: 'Aspen Discovery / Pika',
  matches: [],
  // Grouped-work URLs are Aspen's and Pika's own; their record pages link to them. The link
  // search walks the whole page, so it runs only on record-shaped paths (this test runs on every page).
  test: aspenTest,
  detect(doc: Document, url: URL): AdapterBook | null {
    const isGroupedWork = GROUPED_WORK.test(url.pathname);
    return buildAdapterBook({
      site: 'aspen',
      signals: ['site:aspen'],
      isbns: isGroupedWork ? [] : recordIsbns(doc),
      title: stripResponsibility(firstText(doc, SELECTORS.title)),
      authors: allTexts(doc, SELECTORS.authors),
      contents: tableOfContents(doc),
    });
  },
};

// Page types (each library's own host):
//   grouped work  https://<aspen-host>/GroupedWork/6b5e4f5e-5f2c-7a4d-2a39-a83e4a5d9b1c/Home
//   record        https://<aspen-host>/Record/a2345678
//   search        https://<aspen-host>/Search/Results?lookfor=andy+weir
// No saved record page found in public repositories. The div.row > .result-label/.result-value rows and
// /Author/Home links are those of Aspen Discovery's and Pika's own Smarty templates.
