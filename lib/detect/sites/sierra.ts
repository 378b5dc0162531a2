/**
 * Innovative Sierra: the classic WebPAC (`/record=b1234567`, `/search~S1?…`)
 * and the Encore discovery layer (`/iii/encore/record/C__Rb1234567…`), on
 * each library's own host. Both print the record as `bibInfoLabel` /
 * `bibInfoData` cells; a repeated field (a second ISBN, more contents) comes
 * as a further row with an empty label. A WebPAC search that finds exactly
 * one record shows it under the search URL, so the table, not the URL,
 * decides there. Records without an ISBN point to the MARC display.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildAdapterBook } from '../base/bookref';
import { NON_BOOK_MEDIA } from '../base/media';
import { withoutRelatorTerm } from '../base/marc-table';
import { firstText } from '../base/page';
import { stripResponsibility, textOf } from '../base/text';
import type { AdapterBook, SiteAdapter } from '../base/types';

const SELECTORS = {
  rows: 'tr',
  label: '.bibInfoLabel',
  value: '.bibInfoData',
  title: ['#bibTitle', '.bibTitle', 'h1'],
} as const;

const ENCORE_RECORD = /^\/iii\/encore\/record\/C__Rb(\d+)/;
/** WebPAC's own path shapes; plain `/search/` (WebPAC Pro) is too common elsewhere to claim without its markup. */
const WEBPAC_PATH = /^\/(?:record=b\d+|search~S\d*)/;

/** Label (lower case, no colon) → values, blank-label rows continuing the previous label. */
function bibFields(doc: Document): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let current = '';
  for (const row of doc.querySelectorAll(SELECTORS.rows)) {
    const valueEl = row.querySelector(SELECTORS.value);
    if (!valueEl) continue;
    const label = textOf(row.querySelector(SELECTORS.label)).replace(/:$/, '').toLowerCase();
    if (label) current = label;
    if (!current) continue;
    fields.set(current, [...(fields.get(current) ?? []), textOf(valueEl)]);
  }
  return fields;
}

/** The MARC display of the record: Encore's `marcData=Y` view or WebPAC's `marc~` page. */
function marcLink(url: URL, doc: Document): string | undefined {
  if (ENCORE_RECORD.test(url.pathname)) {
    const marc = new URL(url.href);
    marc.searchParams.set('marcData', 'Y');
    return marc.href;
  }
  const bib =
    /record=(b\d+)/.exec(url.pathname)?.[1] ??
    /\bb\d{7}\b/.exec(doc.querySelector('a[href*="marc~"]')?.getAttribute('href') ?? '')?.[0];
  return bib ? new URL(`/search~S1?/.${bib}/.${bib}/1,1,1,B/marc~${bib}`, url).href : undefined;
}

/** The platform's own cheap test, apart: the any-site script carries it alone (modules/site-content-scripts). */
export const sierraTest: SiteAdapter['test'] = (url, doc) =>
  url.pathname.startsWith('/iii/encore/') ||
  WEBPAC_PATH.test(url.pathname) ||
  (url.pathname.startsWith('/search/') && doc.querySelector(SELECTORS.label) !== null);

export const sierra: SiteAdapter = {
  id: 'sierra',
  name: 'Sierra / Encore',
  matches: [],
  test: sierraTest,
  detect(doc: Document, url: URL): AdapterBook | null {
    const fields = bibFields(doc);
    // Encore search results and WebPAC result lists have no record table.
    if (!ENCORE_RECORD.test(url.pathname) && !fields.has('title')) return null;
    const isbns = (fields.get('isbn') ?? []).flatMap((text) =>
      findIsbnCandidates(text).map((candidate) => candidate.isbn13),
    );
    const extent = ['descript', 'description', 'material'].flatMap((label) => fields.get(label) ?? []).join(' ');
    // A physical description of discs ("1 videodisc"): a film or recording, not a book, unless it has an ISBN.
    if (isbns.length === 0 && NON_BOOK_MEDIA.test(extent)) return null;
    return buildAdapterBook({
      site: 'sierra',
      signals: ['site:sierra'],
      isbns,
      title: stripResponsibility(fields.get('title')?.[0] ?? firstText(doc, SELECTORS.title)),
      authors: (fields.get('author') ?? []).map(withoutRelatorTerm),
      contents: [(fields.get('contents') ?? []).join(' -- ')],
      recordLink: isbns.length === 0 ? marcLink(url, doc) : undefined,
    });
  },
};

// Page types (each library's own host):
//   WebPAC record  https://<webpac-host>/record=b2849382~S1
//   Encore record  https://<encore-host>/iii/encore/record/C__Rb2849382__Scrawdads__P0,1__Orightresult__U__X7?lang=eng&suite=cobalt
//   Encore MARC    https://<encore-host>/iii/encore/record/C__Rb2849382?marcData=Y
//   WebPAC search  https://<webpac-host>/search~S1/?searchtype=X&searcharg=crawdads
// No saved WebPAC or Encore record found in public repositories; the label/value rows are the
// td.bibInfoLabel/td.bibInfoData pairs public WebPAC scrapers read (2015–2025).
