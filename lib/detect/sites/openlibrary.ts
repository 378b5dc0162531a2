/**
 * Open Library. Edition pages (`/books/OL…M`) and work pages (`/works/OL…W`)
 * render the same template: the work page shows one chosen edition, and the
 * "Edition Identifiers" list is that edition's. Title and byline are printed
 * twice (mobile and desktop blocks), and the schema.org microdata scope also
 * marks the "Book Details" heading as `itemprop="name"`, so the title is read
 * from the `h1` only.
 */
import { buildBookRef } from '../base/bookref';
import { allTexts, firstText } from '../base/page';
import { formatFromWord } from '../signals/reading';
import { textOf } from '../base/text';
import type { BookRef, Chapter, SiteAdapter } from '../base/types';

const SELECTORS = {
  /** `<dt>ISBN 13</dt><dd itemprop="isbn">…</dd>` in "Edition Identifiers"; work identifiers carry no itemprop. */
  isbnValues: 'dd[itemprop="isbn"]',
  title: ['h1.work-title', 'h1[itemprop="name"]'],
  authors: ['h2.edition-byline a[itemprop="author"]', 'h2.edition-byline a'],
  /** Rendered only when the edition has more than one TOC entry. */
  tocRows: '#toc-table tr',
  detailTerms: 'dl.meta dt',
} as const;

const RECORD_PATH = /^\/(?:books\/OL\d+M|works\/OL\d+W)(?:\/|$)/;

function tableOfContents(doc: Document): Chapter[] {
  const chapters: Chapter[] = [];
  for (const row of doc.querySelectorAll(SELECTORS.tocRows)) {
    const title = textOf(row.querySelector('.toc-title'));
    if (!title) continue;
    // Level 0 is Open Library's "flat list"; our chapters start at 1.
    const level = Number(/toc-level-(\d+)/.exec(row.className)?.[1] ?? '0');
    const chapter: Chapter = { level: Math.max(1, level), title };
    const label = textOf(row.querySelector('.toc-label'));
    const page = textOf(row.querySelector('.toc-pagenum'));
    if (label) chapter.label = label;
    if (page) chapter.page = page;
    chapters.push(chapter);
  }
  return chapters;
}

/** ISBN-13 rows before ISBN-10 rows, each row's comma-separated values in order. */
function editionIsbns(doc: Document): string[] {
  const rows = [...doc.querySelectorAll(SELECTORS.isbnValues)].map((dd) => ({
    label: textOf(dd.previousElementSibling),
    values: textOf(dd).split(/\s*,\s*/),
  }));
  rows.sort((a, b) => Number(/13/.test(b.label)) - Number(/13/.test(a.label)));
  return rows.flatMap((row) => row.values);
}

export const openLibrary: SiteAdapter = {
  id: 'openlibrary',
  name: 'Open Library',
  matches: ['*://openlibrary.org/*', '*://*.openlibrary.org/*'],
  test: (url) => /(^|\.)openlibrary\.org$/.test(url.hostname),
  detect(doc: Document, url: URL): BookRef | null {
    // Search, author, subject and list pages show many books.
    if (!RECORD_PATH.test(url.pathname)) return null;
    const formatTerm = [...doc.querySelectorAll(SELECTORS.detailTerms)].find((dt) => textOf(dt) === 'Format');
    return buildBookRef({
      site: 'openlibrary',
      signals: ['site:openlibrary'],
      isbns: editionIsbns(doc),
      title: firstText(doc, SELECTORS.title),
      authors: allTexts(doc, SELECTORS.authors),
      format: formatFromWord(textOf(formatTerm?.nextElementSibling)),
      chapters: tableOfContents(doc),
    });
  },
};

// Page types:
//   edition   https://openlibrary.org/books/OL22853304M/Slow_reading
//   work      https://openlibrary.org/works/OL15832982W/Sabriel
//   search    https://openlibrary.org/search?q=sabriel
//   author    https://openlibrary.org/authors/OL382982A/Garth_Nix
// No saved edition page found in public repositories (the saved Open Library data here is API JSON).
// h1.work-title and h2.edition-byline a[itemprop=author] are what public Open Library scrapers read.
