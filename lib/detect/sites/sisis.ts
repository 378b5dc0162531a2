/**
 * SISIS-SunRise webOPAC (OCLC), common in German-speaking university and
 * public libraries, on each library's own host under `/webOPACClient/`. The
 * full record of one hit (`singleHit.do`) is a two-column table of German
 * labels ("Titel:", "Verfasser:", "ISBN:", "Inhalt:"); ISBN cells carry the
 * binding and price ("978-3-… Festeinband : EUR 22.00").
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../bookref';
import { chaptersFromContentsNote } from '../contents-note';
import { labelledValues } from '../page';
import { stripResponsibility } from '../text';
import type { BookRef, SiteAdapter } from '../types';

const SELECTORS = {
  /** Full-record table rows: `<tr><th><strong>ISBN:</strong></th><td>…</td></tr>`. */
  recordRows: '#tab-content tr, .box-container table tr, table.data tr',
  recordLabel: 'th, td.c1',
} as const;

const LABELS = {
  title: ['titel', 'title'],
  author: ['verfasser', 'person(en)', 'personen', 'autor', 'author'],
  isbn: ['isbn'],
  contents: ['inhalt', 'contents', 'enthält'],
} as const;

const SINGLE_HIT = /\/webOPACClient\/singleHit\.do$/;

function pick(values: Map<string, string>, labels: readonly string[]): string {
  for (const label of labels) {
    const value = values.get(label);
    if (value) return value;
  }
  return '';
}

export const sisis: SiteAdapter = {
  id: 'sisis',
  name: 'SISIS-SunRise',
  matches: [],
  test: (url) => url.pathname.includes('/webOPACClient/'),
  detect(doc: Document, url: URL): BookRef | null {
    // Hit lists (`hitList.do`, `search.do`), the start page and the account.
    if (!SINGLE_HIT.test(url.pathname)) return null;
    const values = labelledValues(doc.querySelectorAll(SELECTORS.recordRows), SELECTORS.recordLabel);
    return buildBookRef({
      site: 'sisis',
      signals: ['site:sisis'],
      isbns: findIsbnCandidates(pick(values, LABELS.isbn)).map((candidate) => candidate.isbn13),
      title: stripResponsibility(pick(values, LABELS.title)),
      authors: pick(values, LABELS.author).split(/\s*;\s*/),
      chapters: chaptersFromContentsNote(pick(values, LABELS.contents)),
    });
  },
};

// Page types (each library's own host):
//   record    https://<sisis-host>/webOPACClient/singleHit.do?methodToCall=showHit&curPos=1&identifier=2_SOLR_SERVER_1234567890
//   hit list  https://<sisis-host>/webOPACClient/search.do?methodToCall=quickSearch&Kateg=0&Content=juli+zeh
