/**
 * ThriftBooks. A book page is a work (`/w/<slug>_<author>/<workId>/`) whose
 * edition selector (`#edition=<id>` in the fragment) fills the details block;
 * the ISBN and ISBN13 rows there are the selected edition's.
 */
import { buildBookRef } from '../base/bookref';
import { allTexts, firstText, labelledValues } from '../base/page';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['h1.WorkMeta-title', 'h1'],
  authors: ['.WorkMeta-authors a', 'a[href^="/a/"]'],
  /**
   * `<div class="WorkMeta-detailsRow"><span class="WorkMeta-detailTitle">ISBN13:</span>
   * <span class="WorkMeta-detailValue">…`
   */
  detailRows: '.WorkMeta-detailsRow',
  detailLabel: '.WorkMeta-detailTitle',
  format: ['.WorkSelector-format.is-selected', '.WorkMeta-format'],
} as const;

const WORK_PATH = /^\/w\/[^/]+\/\d+\/?$/;

export const thriftbooks: SiteAdapter = {
  id: 'thriftbooks',
  name: 'ThriftBooks',
  matches: ['*://*.thriftbooks.com/*'],
  test: (url) => /(^|\.)thriftbooks\.com$/.test(url.hostname),
  detect(doc: Document, url: URL): BookRef | null {
    // Browse and search pages (`/browse/?b.search=…`), author pages (`/a/…`).
    if (!WORK_PATH.test(url.pathname)) return null;
    const details = labelledValues(doc.querySelectorAll(SELECTORS.detailRows), SELECTORS.detailLabel);
    const format = firstText(doc, SELECTORS.format);
    return buildBookRef({
      site: 'thriftbooks',
      signals: ['site:thriftbooks'],
      isbns: [details.get('isbn13') ?? '', details.get('isbn') ?? ''],
      title: firstText(doc, SELECTORS.title),
      authors: allTexts(doc, SELECTORS.authors),
      format: /audio/i.test(format) ? 'audio' : /hardcover|paperback|mass market/i.test(format) ? 'print' : undefined,
    });
  },
};

// Page types:
//   work     https://www.thriftbooks.com/w/the-hobbit_jrr-tolkien/247795/#edition=4154530&idiq=8037542
//   search   https://www.thriftbooks.com/browse/?b.search=the%20hobbit
// No saved work page found in public repositories. The rows (.WorkMeta-detailsRow, not .WorkMeta-detail),
// h1.WorkMeta-title and .WorkMeta-authors are what public scrapers and UI tests of thriftbooks.com read (2023–2025).
