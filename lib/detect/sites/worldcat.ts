import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { chaptersFromContentsNote } from '../base/contents-note';
import { allTexts, firstText } from '../base/page';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['#bibdata h1.title', 'h1.title'], // legacy (pre-2022) record page
  authors: ['#bib-author-cell a'], // every creator, "Sheryl Sandberg; Nell Scovell"
  isbn: ['#details-standardno td'], // "9780385349949 0385349947": one edition in both forms
  /** The MARC 505 contents note, entries joined by " --". */
  contents: ['#details-contents td'],
};

/** A record is `/title/<slug>/oclc/<n>` or `/oclc/<n>`; searches are `/search`. */
const RECORD_PATH = /\/oclc\/\d+/;

function detect(doc: Document): BookRef | null {
  const title = firstText(doc, SELECTORS.title);
  // The current (2022+) record page ships schema.org data: the generic signals read it when this gives null.
  if (!title) return null;
  const contents = firstText(doc, SELECTORS.contents);
  return buildBookRef({
    site: 'worldcat',
    signals: ['site:worldcat'],
    isbns: findIsbnCandidates(firstText(doc, SELECTORS.isbn)).map((candidate) => candidate.isbn13),
    title,
    authors: allTexts(doc, SELECTORS.authors),
    chapters: contents ? chaptersFromContentsNote(contents) : undefined,
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
