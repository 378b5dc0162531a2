/**
 * Polaris PowerPAC (Innovative), hosted by each library under `/polaris/`.
 * The full title display (`/polaris/search/title.aspx?pos=…`) is a table of
 * "Label:" / value cells whose classes differ between releases, so fields are
 * found by their visible labels. Records without an ISBN row point to the
 * MARC view PowerPAC serves for the same search position.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildAdapterBook } from '../base/bookref';
import { valueAfterLabel } from '../base/labelled-value';
import { NON_BOOK_MEDIA } from '../base/media';
import { firstText } from '../base/page';
import { stripResponsibility } from '../base/text';
import type { AdapterBook, SiteAdapter } from '../base/types';

const SELECTORS = {
  /** The full-display area; the brief results and "more by this author" lists sit outside it. */
  fullDisplay: ['#divFullDisplay', '.nsm-full-display', '#content', 'body'],
  title: ['.nsm-brief-primary-title-group', '.nsm-full-title', 'h1'],
} as const;

const LABELS = {
  isbn: /^ISBN:?$/i,
  format: /^Format:?$/i,
  title: /^Title:?$/i,
  author: /^(?:Author|Creator):?$/i,
  contents: /^(?:Contents|Formatted Contents Note):?$/i,
} as const;

const TITLE_PAGE = /\/polaris\/search\/title\.aspx$/i;

/** The platform's own cheap test, apart: the any-site script carries it alone (modules/site-content-scripts). */
export const polarisTest: SiteAdapter['test'] = (url) => /^\/polaris\//i.test(url.pathname);

export const polaris: SiteAdapter = {
  id: 'polaris',
  name: 'Polaris PowerPAC',
  matches: [],
  test: polarisTest,
  detect(doc: Document, url: URL): AdapterBook | null {
    // Search results (`searchresults.aspx`), patron account and home pages.
    if (!TITLE_PAGE.test(url.pathname)) return null;
    const root = SELECTORS.fullDisplay.map((selector) => doc.querySelector(selector)).find((el) => el !== null) ?? doc;
    // "Format: DVD", "Sound recording", "Map": not a book; "Book", "eBook", "Book on CD" are.
    const format = valueAfterLabel(root, LABELS.format);
    if (NON_BOOK_MEDIA.test(format) && !/book/i.test(format)) return null;
    const isbns = findIsbnCandidates(valueAfterLabel(root, LABELS.isbn)).map((candidate) => candidate.isbn13);
    const pos = url.searchParams.get('pos');
    const ctx = url.searchParams.get('ctx');
    const marcView = pos
      ? new URL(
          `/polaris/search/components/ajaxMARC.aspx?fp=0&pos=${encodeURIComponent(pos)}${ctx ? `&ctx=${encodeURIComponent(ctx)}` : ''}`,
          url,
        ).href
      : undefined;
    return buildAdapterBook({
      site: 'polaris',
      signals: ['site:polaris'],
      isbns,
      title: stripResponsibility(valueAfterLabel(root, LABELS.title) || firstText(doc, SELECTORS.title)),
      authors: valueAfterLabel(root, LABELS.author).split(/\s*;\s*/),
      contents: [valueAfterLabel(root, LABELS.contents)],
      recordLink: isbns.length === 0 ? marcView : undefined,
    });
  },
};

// Page types (each library's own host):
//   title     https://<polaris-host>/polaris/search/title.aspx?ctx=1.1033.0.0.1&pos=1&cn=1523847
//   results   https://<polaris-host>/polaris/search/searchresults.aspx?ctx=1.1033.0.0.1&type=Keyword&term=crawdads
//   MARC      https://<polaris-host>/polaris/search/components/ajaxMARC.aspx?fp=0&pos=1&ctx=1.1033.0.0.1
// No saved title page found in public repositories. Labels sit in td.nsm-full-label cells and titles in
// .nsm-brief-primary-title-group, as Zotero's Polaris translator and public Polaris scrapers read them.
