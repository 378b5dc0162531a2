/**
 * Ex Libris Primo (`/primo-explore/fulldisplay`) and Primo VE
 * (`/discovery/fulldisplay`), an AngularJS app on `*.primo.exlibrisgroup.com`
 * or a library's own domain. The "Details" section lists fields as label /
 * value rows; ISBNs sit under "Identifier" as "ISBN: …; ISBN: …" and the
 * 505 note under "Contents". The app renders after load, so an early
 * detection may find nothing and return null. The PNX record link is kept
 * when the page offers it.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildAdapterBook } from '../base/bookref';
import { withoutRelatorTerm } from '../base/marc-table';
import { textOf } from '../base/text';
import type { AdapterBook, SiteAdapter } from '../base/types';

const SELECTORS = {
  /** Root element of both Primo UIs (also on custom library domains). */
  appRoot: 'primo-explore',
  detailRows: 'prm-service-details .layout-row, #details .layout-row',
  detailLabel: '.bold-text',
  /** One element per value (several authors, several identifiers). */
  detailValues: '.item-details-element',
  /** The record's title in either UI's full view (used where the Details lack one). */
  title: 'prm-full-view prm-brief-result .item-title, .full-view-section .item-title',
  pnxLink: '.urlToXmlPnxSingleRecord[data-url]',
} as const;

const FULL_DISPLAY = /^\/(?:discovery|primo-explore)\/fulldisplay\/?$/;

/** Field code and label (lower case) → its values, from the Details section. */
function detailFields(doc: Document): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const row of doc.querySelectorAll(SELECTORS.detailRows)) {
    const label = row.querySelector(SELECTORS.detailLabel);
    const values = [...row.querySelectorAll(SELECTORS.detailValues)].map((el) => textOf(el)).filter(Boolean);
    // By the field code (`data-details-label="identifier"`, the same in every
    // interface language) and by the label shown.
    for (const key of [label?.getAttribute('data-details-label'), textOf(label).toLowerCase()]) {
      if (key && values.length > 0 && !fields.has(key)) fields.set(key, values);
    }
  }
  return fields;
}

export const primo: SiteAdapter = {
  id: 'primo',
  name: 'Primo / Primo VE',
  // An AngularJS app: searches and records share one page.
  navigatesInPlace: true,
  matches: [
    '*://*.primo.exlibrisgroup.com/*',
    '*://*.exlibrisgroup.com/discovery/*',
    '*://*.exlibrisgroup.com/primo-explore/*',
  ],
  test: (url, doc) =>
    /^\/(?:discovery|primo-explore)\//.test(url.pathname) &&
    (/\.exlibrisgroup\.com$/.test(url.hostname) || doc.querySelector(SELECTORS.appRoot) !== null),
  // Search results and the home page are not one book.
  urlMayBeBook: (url) => FULL_DISPLAY.test(url.pathname) && !!url.searchParams.get('docid'),
  detect(doc: Document, url: URL): AdapterBook | null {
    const fields = detailFields(doc);
    const identifiers = (fields.get('identifier') ?? fields.get('isbn') ?? []).join('; ');
    const isbns = findIsbnCandidates(identifiers)
      .filter((candidate) => candidate.label?.startsWith('ISBN') || fields.has('isbn'))
      .map((candidate) => candidate.isbn13);
    const authors = (fields.get('author') ?? fields.get('creator') ?? []).map(withoutRelatorTerm);
    const pnx = doc.querySelector(SELECTORS.pnxLink)?.getAttribute('data-url');
    return buildAdapterBook({
      site: 'primo',
      signals: ['site:primo'],
      isbns,
      title: fields.get('title')?.[0] ?? textOf(doc.querySelector(SELECTORS.title)),
      authors,
      contents: [(fields.get('contents') ?? fields.get('table of contents') ?? []).join(' -- ')],
      recordLink: pnx ? new URL(pnx, url).href : undefined,
    });
  },
};

// Page types:
//   Primo VE full display  https://search.library.example.edu/discovery/fulldisplay?docid=alma991234567890123&context=L&vid=01INST_NAME:VU1
//   Primo VE (hosted)      https://<inst>.primo.exlibrisgroup.com/discovery/fulldisplay?docid=alma991234567890123&vid=<INST>:<VIEW>
//   Primo (classic new UI) https://<inst>.hosted.exlibrisgroup.com/primo-explore/fulldisplay?docid=<id>&vid=<VIEW>
//   search                 https://<inst>.primo.exlibrisgroup.com/discovery/search?query=any,contains,sapiens&vid=<INST>:<VIEW>
// No saved full-display page found in public repositories. Rows, span.bold-text[data-details-label] and
// .item-details-element values follow public Primo customisation templates and the scrapers that read them.
