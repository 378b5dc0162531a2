import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { firstText, labelledValues } from '../base/page';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  /** "Detailanzeige" of the BIBLIOTHECA Web-OPAC (OCLC, many German public libraries). */
  title: ['.detailinhalt .detail_titel', '.detail_titel'],
  rows: '.detailinhalt tr',
  label: 'td.detail_feld',
};

const AUTHOR_LABELS = ['1. verfasser', 'verfasser'];

function detect(doc: Document): BookRef | null {
  const values = labelledValues(doc.querySelectorAll(SELECTORS.rows), SELECTORS.label);
  const author = AUTHOR_LABELS.map((label) => values.get(label)).find(Boolean);
  return buildBookRef({
    site: 'bibliotheca',
    signals: ['site:bibliotheca'],
    isbns: findIsbnCandidates(values.get('isbn') ?? '').map((candidate) => candidate.isbn13),
    title: firstText(doc, SELECTORS.title),
    authors: author ? [author] : [],
  });
}

/** The platform's own cheap test, apart: the any-site script carries it alone (modules/site-content-scripts). */
export const bibliothecaTest: SiteAdapter['test'] = (_url, doc) =>
  doc.getElementsByClassName('detail_titel').length > 0 && doc.querySelector('td.detail_feld') !== null;

export const bibliotheca: SiteAdapter = {
  id: 'bibliotheca',
  name: 'BIBLIOTHECA Web-OPAC',
  // Hosted by each library under its own name: recognised by markup, not host.
  matches: [],
  // By class first: a cached collection, not a selector walk, on every page this platform test sees.
  test: bibliothecaTest,
  detect,
};

// Tested on:
// Stadtbibliothek Mannheim Web-OPAC, index.asp?detmediennr=… (saved without its URL)
// Checked against real pages: opacapp/opacclient opacclient/libopac/src/test/resources/bibliotheca/
//   result_detail/mannheim.html, resultlist/mannheim.html and bernau.html (hit list, account: null) (2016)
