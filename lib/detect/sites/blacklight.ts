/**
 * Blacklight, the Rails discovery layer many university libraries run
 * (Stanford SearchWorks, Columbia CLIO, Penn State…). Its layout marks the
 * page type on `<body>`: `blacklight-catalog-show` for one record,
 * `blacklight-catalog-index` for results. Fields are `<dt>/<dd>` pairs whose
 * classes name the Solr field (`blacklight-isbn_ssim`), which differs per
 * install, so the labels are read too. The record's MARCXML is linked as
 * `<link rel="alternate" title="marcxml">`.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildAdapterBook } from '../base/bookref';
import { withoutRelatorTerm } from '../base/marc-table';
import { firstText } from '../base/page';
import { textOf } from '../base/text';
import type { AdapterBook, SiteAdapter } from '../base/types';

const SELECTORS = {
  showBody: 'body.blacklight-catalog-show',
  fieldTerms: 'dl dt',
  title: ['h1[itemprop="name"]', '.document-title-heading', 'h1'],
  marcxml: 'link[rel="alternate"][title="marcxml"], link[rel="alternate"][type="application/marcxml+xml"]',
} as const;

const FIELD_LABELS = {
  isbn: /^ISBN/i,
  author: /^(?:Author|Creator|Author\/Creator)/i,
  contents: /^(?:Contents|Table of contents)/i,
} as const;

/** The `<dd>` values after each `<dt>` whose label matches (a field may have several `<dd>`). */
function fieldValues(doc: Document, label: RegExp): string[] {
  const values: string[] = [];
  for (const term of doc.querySelectorAll(SELECTORS.fieldTerms)) {
    if (!label.test(textOf(term))) continue;
    for (let dd = term.nextElementSibling; dd && dd.tagName === 'DD'; dd = dd.nextElementSibling) {
      values.push(textOf(dd));
    }
  }
  return values;
}

/** The platform's own cheap test, apart: the any-site script carries it alone (modules/site-content-scripts). */
export const blacklightTest: SiteAdapter['test'] = (_url, doc) =>
  /\bblacklight-catalog\b/.test(doc.body?.className ?? '');

export const blacklight: SiteAdapter = {
  id: 'blacklight',
  name: 'Blacklight',
  matches: [],
  // Blacklight's layout names the controller on <body>: `blacklight-catalog`, `blacklight-catalog-show`…
  test: blacklightTest,
  detect(doc: Document, url: URL): AdapterBook | null {
    if (!doc.querySelector(SELECTORS.showBody)) return null;
    const isbns = fieldValues(doc, FIELD_LABELS.isbn).flatMap((text) =>
      findIsbnCandidates(text).map((candidate) => candidate.isbn13),
    );
    const marcxml = doc.querySelector(SELECTORS.marcxml)?.getAttribute('href');
    return buildAdapterBook({
      site: 'blacklight',
      signals: ['site:blacklight'],
      isbns,
      title: firstText(doc, SELECTORS.title).replace(/\s*\/\s*$/, ''),
      authors: fieldValues(doc, FIELD_LABELS.author).map(withoutRelatorTerm),
      contents: fieldValues(doc, FIELD_LABELS.contents),
      recordLink: isbns.length === 0 && marcxml ? new URL(marcxml, url).href : undefined,
    });
  },
};

// Page types (each library's own host):
//   record   https://searchworks.stanford.edu/view/11520986
//   record   https://clio.columbia.edu/catalog/13843657
//   MARCXML  https://searchworks.stanford.edu/view/11520986.marcxml
//   results  https://searchworks.stanford.edu/?q=sapiens&search_field=search
// No saved record page found in public repositories; fields are read from Blacklight's own dl/dt rendering.
