import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { allTexts, firstText } from '../base/page';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['.livre_header_con h1', 'h1[itemprop="name"]'],
  authors: [
    '.livre_con [itemprop="author"] [itemprop="name"]',
    '[itemprop="author"] [itemprop="name"]',
    'a.livre_auteurs',
  ],
  /** "ISBN : 2092563963 <br> Éditeur : …" */
  refs: ['.livre_refs'],
};

/** Book pages are `/livres/<Author-Title>/<id>`; lists and searches are elsewhere. */
const BOOK_PATH = /^\/livres\/[^/]+\/\d+\/?$/;

function detect(doc: Document): BookRef | null {
  const refs = firstText(doc, SELECTORS.refs);
  const isbnPart = /ISBN\s*:\s*([\dXx\s-]{10,17})/i.exec(refs)?.[1] ?? '';
  return buildBookRef({
    site: 'babelio',
    signals: ['site:babelio'],
    isbns: findIsbnCandidates(isbnPart).map((candidate) => candidate.isbn13),
    title: firstText(doc, SELECTORS.title),
    authors: allTexts(doc, SELECTORS.authors).slice(0, 1),
  });
}

export const babelio: SiteAdapter = {
  id: 'babelio',
  name: 'Babelio',
  matches: ['*://*.babelio.com/*'],
  test: (url) => /(^|\.)babelio\.com$/.test(url.hostname) && BOOK_PATH.test(url.pathname),
  detect,
};

// Tested on:
// http://www.babelio.com/livres/Green-Nos-etoiles-contraires/436732 (ISO-8859-1 page)
// Checked against a real page: mart2010/brd
//   brd/test/mockresponse/mockobject/BO_mainpage_withTags_green-436732.htm (2016)
