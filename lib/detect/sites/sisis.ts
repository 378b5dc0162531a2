/**
 * SISIS-SunRise webOPAC (OCLC), common in German-speaking university and
 * public libraries, on each library's own host under `/webOPACClient/`. The
 * full record of one hit (`singleHit.do`) prints German labels ("Titel:",
 * "Verfasser:", "ISBN:", "Inhalt:"); ISBN cells carry the binding and price
 * ("978-3-… Festeinband : EUR 22.00") or list a record's print and e-book
 * ISBNs together, which are one book.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildAdapterBook } from '../base/bookref';
import { NON_BOOK_MEDIA } from '../base/media';
import { cleanText, stripResponsibility } from '../base/text';
import type { AdapterBook, SiteAdapter } from '../base/types';

const SELECTORS = {
  /** The short record and the "Titel" tab: `<strong class="c2">ISBN:</strong> 978…<br>`, one cell for all. */
  labels: 'table.data strong.c2',
} as const;

const LABELS = {
  title: ['titel', 'title'],
  subtitle: ['zusatz', 'titelzusatz'],
  author: ['verfasser', 'autor', 'author'],
  isbn: ['isbn', 'isbn/ismn'],
  contents: ['inhalt', 'contents'],
  extent: ['umfang', 'umfangsangabe'],
} as const;

const SINGLE_HIT = /\/webOPACClient\/singleHit\.do$/;

/** Each `Label:` with the text up to the next `<br>` or label; the short record comes first and wins. */
function labelledValues(doc: Document): Map<string, string> {
  const values = new Map<string, string>();
  for (const label of doc.querySelectorAll(SELECTORS.labels)) {
    let value = '';
    let node = label.nextSibling;
    while (node && node.nodeName !== 'BR' && node.nodeName !== 'STRONG') {
      value += node.textContent ?? '';
      node = node.nextSibling;
    }
    const key = cleanText(label.textContent).replace(/\s*:$/, '').toLowerCase();
    // `¬` marks the words a catalogue skips when sorting (`¬The¬ ZOPE book`).
    value = cleanText(value.replace(/¬/g, ''));
    if (key && value && !values.has(key)) values.set(key, value);
  }
  return values;
}

function pick(values: Map<string, string>, labels: readonly string[]): string {
  for (const label of labels) {
    const value = values.get(label);
    if (value) return value;
  }
  return '';
}

/** The platform's own cheap test, apart: the any-site script carries it alone (modules/site-content-scripts). */
export const sisisTest: SiteAdapter['test'] = (url) => url.pathname.includes('/webOPACClient/');

export const sisis: SiteAdapter = {
  id: 'sisis',
  name: 'SISIS-SunRise',
  matches: [],
  test: sisisTest,
  detect(doc: Document, url: URL): AdapterBook | null {
    // Hit lists (`hitList.do`, `search.do`), the start page and the account.
    if (!SINGLE_HIT.test(url.pathname)) return null;
    const values = labelledValues(doc);
    const isbns = findIsbnCandidates(pick(values, LABELS.isbn)).map((candidate) => candidate.isbn13);
    // An extent of discs or cassettes ("3 CDs", "1 DVD-Video") is a media record unless it has an ISBN.
    if (isbns.length === 0 && NON_BOOK_MEDIA.test(pick(values, LABELS.extent))) return null;
    const subtitle = pick(values, LABELS.subtitle);
    return buildAdapterBook({
      site: 'sisis',
      signals: ['site:sisis'],
      isbns,
      title: stripResponsibility(pick(values, LABELS.title)) + (subtitle ? ` : ${subtitle}` : ''),
      authors: pick(values, LABELS.author).split(/\s*;\s*/),
      contents: [pick(values, LABELS.contents)],
    });
  },
};

// Page types (each library's own host):
//   record    https://<sisis-host>/webOPACClient/singleHit.do?methodToCall=showHit&curPos=1&identifier=2_SOLR_SERVER_1234567890
//   hit list  https://<sisis-host>/webOPACClient/search.do?methodToCall=quickSearch&Kateg=0&Content=juli+zeh
// Checked against real pages: opacapp/opacclient opacclient/libopac/src/test/resources/sisis/result_detail/
//   berlin_htw_1.html, berlin_htw_2.html (inline labels, four ISBNs of one record), bremen_1.html (a CD) (2016)
