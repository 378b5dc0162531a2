/**
 * Thalia (Germany, Austria, Switzerland). Article pages are
 * `/shop/home/artikeldetails/A<id>` for books, ebooks, audiobooks and also
 * toys and games; the "Artikeldetails" list names an ISBN only for books,
 * so a page without one is not treated as a book.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { allTexts, labelledValues } from '../base/page';
import { formatFromWord } from '../signals/reading';
import { cleanText, textOf } from '../base/text';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  /** `<div class="artikeldetail"><span class="… detailbezeichnung">ISBN</span><p>978…</p></div>` */
  detailRows: '.artikeldetail',
  detailLabel: '.detailbezeichnung',
  /**
   * `<h1 class="element-headline-medium titel">Title<span …>subtitle, format</span></h1>`:
   * its own text is the title.
   */
  title: ['h1.titel', 'h1'],
  authors: ['a[href*="/autor/"]'],
} as const;

function headingTitle(doc: Document): string {
  const heading = doc.querySelector(SELECTORS.title[0]) ?? doc.querySelector(SELECTORS.title[1]);
  return cleanText(heading?.firstChild?.textContent) || textOf(heading);
}

const ARTICLE_PATH = /^\/shop\/home\/artikeldetails\/[A-Z]?\d+\/?$/;

export const thalia: SiteAdapter = {
  id: 'thalia',
  name: 'Thalia',
  matches: ['*://*.thalia.de/*', '*://*.thalia.at/*', '*://*.thalia.ch/*'],
  test: (url) => /(^|\.)thalia\.(de|at|ch)$/.test(url.hostname),
  detect(doc: Document, url: URL): BookRef | null {
    // Search (`/suche?sq=`), categories and wish lists.
    if (!ARTICLE_PATH.test(url.pathname)) return null;
    const details = labelledValues(doc.querySelectorAll(SELECTORS.detailRows), SELECTORS.detailLabel);
    const isbns = findIsbnCandidates(`${details.get('isbn') ?? ''} ${details.get('ean') ?? ''}`).map(
      (candidate) => candidate.isbn13,
    );
    if (isbns.length === 0) return null;
    return buildBookRef({
      site: 'thalia',
      signals: ['site:thalia'],
      isbns,
      title: headingTitle(doc),
      authors: allTexts(doc, SELECTORS.authors),
      format: formatFromWord(details.get('einband') ?? details.get('format') ?? ''),
    });
  },
};

// Page types:
//   book     https://www.thalia.de/shop/home/artikeldetails/A1061396357
//   search   https://www.thalia.de/suche?sq=juli+zeh
// No saved article page found in public repositories. Rows, label and heading follow what public
// scrapers of thalia.de read (2023–2024): .artikeldetail/.detailbezeichnung, the own text of h1.titel.
