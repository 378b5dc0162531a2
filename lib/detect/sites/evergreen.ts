/**
 * Evergreen, the open-source ILS run by library consortia on their own hosts.
 * The public catalogue's record page (`/eg/opac/record/<id>`, same path in the
 * TPAC and Bootstrap OPAC) prints ISBNs as `.rdetail_value[property=isbn]`
 * under an "ISBN:" label and the 505 note as "Formatted Contents Note". A
 * record without an ISBN points to its MARCXML through SuperCat.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildAdapterBook } from '../base/bookref';
import { valueAfterLabel } from '../base/labelled-value';
import { withoutRelatorTerm } from '../base/marc-table';
import { allTexts, firstText } from '../base/page';
import { stripResponsibility } from '../base/text';
import type { AdapterBook, SiteAdapter } from '../base/types';

const SELECTORS = {
  isbns: [
    '.rdetail_isbns .rdetail_value',
    // Bootstrap OPAC and older TPAC skins without the list class.
    '[property="isbn"]',
  ],
  title: ['#rdetail_title', 'h1[property="name"]', '.rdetail_header h1'],
  authors: [
    '.rdetail_authors_div a',
    '#rdetail_author a',
    '[property="author"] [property="name"]',
    '[property="author"]',
  ],
} as const;

const RECORD_PATH = /^\/eg\/opac\/record\/(\d+)/;

/** The platform's own cheap test, apart: the any-site script carries it alone (modules/site-content-scripts). */
export const evergreenTest: SiteAdapter['test'] = (url) => url.pathname.startsWith('/eg/opac/');

export const evergreen: SiteAdapter = {
  id: 'evergreen',
  name: 'Evergreen',
  matches: [],
  // The public catalogue lives under `/eg/opac/` on every Evergreen host.
  test: evergreenTest,
  detect(doc: Document, url: URL): AdapterBook | null {
    const recordId = RECORD_PATH.exec(url.pathname)?.[1];
    // Results, my-account and home pages.
    if (!recordId) return null;
    const isbns = allTexts(doc, SELECTORS.isbns).flatMap((text) =>
      findIsbnCandidates(text).map((candidate) => candidate.isbn13),
    );
    return buildAdapterBook({
      site: 'evergreen',
      signals: ['site:evergreen'],
      isbns,
      title: stripResponsibility(firstText(doc, SELECTORS.title)),
      authors: allTexts(doc, SELECTORS.authors).map(withoutRelatorTerm),
      contents: [valueAfterLabel(doc, /^Formatted Contents Note:?$/i)],
      recordLink:
        isbns.length === 0 ? new URL(`/opac/extras/supercat/retrieve/marcxml/record/${recordId}`, url).href : undefined,
    });
  },
};

// Page types (each consortium's own host):
//   record   https://<evergreen-host>/eg/opac/record/4512877?locg=1
//   results  https://<evergreen-host>/eg/opac/results?query=klara+and+the+sun&qtype=keyword
//   MARCXML  https://<evergreen-host>/opac/extras/supercat/retrieve/marcxml/record/4512877
// No saved record page found in public repositories. li.rdetail_isbns span.rdetail_value and #rdetail_title
// are the markup of Evergreen's TPAC record summary that public Evergreen scrapers read.
