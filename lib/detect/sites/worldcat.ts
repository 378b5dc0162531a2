import { findIsbnCandidates } from '../../shared/isbn';
import { buildAdapterBook } from '../base/bookref';
import { allTexts, firstText } from '../base/page';
import type { AdapterBook, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['#bibdata h1.title', 'h1.title'], // legacy (pre-2022) record page
  authors: ['#bib-author-cell a'], // every creator, "Sheryl Sandberg; Nell Scovell"
  isbn: ['#details-standardno td'], // "9780385349949 0385349947": one edition in both forms
  /** The MARC 505 contents note, entries joined by " --". */
  contents: ['#details-contents td'],
};

/** A record is `/title/<slug>/oclc/<n>` or `/oclc/<n>`; searches are `/search`. */
const RECORD_PATH = /\/oclc\/\d+/;

function detect(doc: Document): AdapterBook | null {
  const title = firstText(doc, SELECTORS.title);
  // The current (2022+) record page ships schema.org data: the generic signals read it when this gives null.
  if (!title) return null;
  return buildAdapterBook({
    site: 'worldcat',
    signals: ['site:worldcat'],
    isbns: findIsbnCandidates(firstText(doc, SELECTORS.isbn)).map((candidate) => candidate.isbn13),
    title,
    authors: allTexts(doc, SELECTORS.authors),
    contents: [firstText(doc, SELECTORS.contents)],
  });
}

export const worldcat: SiteAdapter = {
  id: 'worldcat',
  name: 'WorldCat',
  matches: ['*://*.worldcat.org/*'],
  test: (url) => /(^|\.)worldcat\.org$/.test(url.hostname) && RECORD_PATH.test(url.pathname),
  detect,
};

// Tested on:
// https://www.worldcat.org/title/lean-in-women-work-and-the-will-to-lead/oclc/813526963 (2016 layout)
// Checked against a real page: apao/project-readme tests/data/worldcat.html (2016 layout)
