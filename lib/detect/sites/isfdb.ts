import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { textOf } from '../base/text';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  /** The publication header: `<li><b>Publication:</b> Mort<span class="recordID">…` */
  headerRows: '.ContentBox .pubheader li',
  label: 'b',
  authorLinks: 'a[href*="ea.cgi"]',
};

/** Only publication records (`pl.cgi?431964`) are one edition; titles (`title.cgi`) span many. */
const PUBLICATION_PATH = /\/cgi-bin\/pl\.cgi$/;

function detect(doc: Document): BookRef | null {
  let title = '';
  let isbnText = '';
  let authors: string[] = [];
  for (const row of doc.querySelectorAll(SELECTORS.headerRows)) {
    const label = textOf(row.querySelector(SELECTORS.label));
    if (label === 'Publication:') {
      // The record number sits in a span inside the same row.
      const clone = row.cloneNode(true) as Element;
      clone.querySelectorAll('b, .recordID').forEach((el) => el.remove());
      title = textOf(clone);
    } else if (label === 'Author:' || label === 'Authors:' || label === 'Editor:') {
      authors = [...row.querySelectorAll(SELECTORS.authorLinks)].map((link) => textOf(link));
    } else if (label === 'ISBN:') isbnText = textOf(row);
  }
  // "978-1-4732-0010-4 [1-4732-0010-5]" is one book written twice; the 13-digit form comes first.
  return buildBookRef({
    site: 'isfdb',
    signals: ['site:isfdb'],
    isbns: findIsbnCandidates(isbnText).map((candidate) => candidate.isbn13),
    title,
    authors,
  });
}

export const isfdb: SiteAdapter = {
  id: 'isfdb',
  name: 'ISFDB',
  matches: ['*://*.isfdb.org/cgi-bin/*'],
  test: (url) => /(^|\.)isfdb\.org$/.test(url.hostname) && PUBLICATION_PATH.test(url.pathname),
  detect,
};

// Tested on:
// https://www.isfdb.org/cgi-bin/pl.cgi?431964
// Checked against real pages: tfonteyn/NeverTooManyBooks app/src/androidTest/res/raw/
//   isfdb_431964.html, isfdb_542125.html, isfdb_112781.html,
//   isfdb_808391.html, isfdb_11169_multi_edition.html and isfdb_1360173_multi_edition.html (title pages: null) (2024)
