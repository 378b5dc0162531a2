import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { allTexts, firstText } from '../base/page';
import { textOf } from '../base/text';
import { NO_SCHEMA, type SchemaReaders } from '../base/schema-readers';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['h1 [property="v:itemreviewed"]', 'h1'],
  /** `#info`: `<span class="pl">ISBN:</span> 9787702900852<br>`, authors after `作者`. */
  info: '#info',
  infoAuthors: ['#info > span:first-child a', '#info a[href*="/author/"]'],
};

/** Douban prefixes a translated author with the country: `[法] 保罗·霍尔特`, `（美）…`, `【英】…`. */
const NATIONALITY = /^[[(（【〔][^\])）】〕]{1,4}[\])）】〕]\s*/;

/** Book pages are `book.douban.com/subject/<id>/`; searches are `search.douban.com` or `/subject_search`. */
const SUBJECT_PATH = /^\/subject\/\d+\/?$/;

function detect(doc: Document, schema: SchemaReaders): BookRef | null {
  const jsonLd = schema.jsonLd(doc);
  const infoText = textOf(doc.querySelector(SELECTORS.info));
  const infoIsbn = /ISBN\s*[:：]\s*([\dXx-]{10,17})/.exec(infoText)?.[1] ?? '';
  return buildBookRef({
    site: 'douban',
    signals: jsonLd.isBook ? ['site:douban', 'jsonld'] : ['site:douban'],
    isbns: jsonLd.isbns.length > 0 ? jsonLd.isbns : findIsbnCandidates(infoIsbn).map((candidate) => candidate.isbn13),
    title: jsonLd.title ?? firstText(doc, SELECTORS.title),
    authors: (jsonLd.authors.length > 0 ? jsonLd.authors : allTexts(doc, SELECTORS.infoAuthors)).map((name) =>
      name.replace(NATIONALITY, ''),
    ),
  });
}

export const douban: SiteAdapter = {
  id: 'douban',
  name: 'Douban Books',
  matches: ['*://book.douban.com/*', '*://search.douban.com/*'],
  test: (url) => url.hostname === 'book.douban.com' || url.hostname === 'search.douban.com',
  readsSchema: true,
  detect: (doc, url, schema = NO_SCHEMA) =>
    url.hostname === 'book.douban.com' && SUBJECT_PATH.test(url.pathname) ? detect(doc, schema) : null,
};

// Tested on:
// https://book.douban.com/subject/27119879/
// https://book.douban.com/subject/36665775/ ([法] before the author)
// Checked against real pages: tfonteyn/NeverTooManyBooks app/src/androidTest/res/raw/douban_9787532190294_36897178.html
//   ([英] before the author), douban_9787536692930_36874304.html,
//   douban_9787532190294_25930607.html (the ISBN as title) (2024)
