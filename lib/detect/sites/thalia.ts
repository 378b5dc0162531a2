/**
 * Thalia (Germany, Austria, Switzerland). Article pages are
 * `/shop/home/artikeldetails/A<id>` for books, ebooks, audiobooks and also
 * toys and games; the "Artikeldetails" list names an ISBN only for books,
 * so a page without one is not treated as a book.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../bookref';
import { allTexts, firstText, labelledValues } from '../page';
import { formatFromWord } from '../signals/reading';
import type { BookRef, SiteAdapter } from '../types';

const SELECTORS = {
  /** `<div class="single-detail"><h3 class="detail-label">ISBN</h3><p class="detail-value">…</p></div>` */
  detailRows: '.artikeldetails .single-detail, .single-detail',
  detailLabel: '.detail-label',
  title: ['h1.element-headline-medium', 'h1'],
  authors: ['.autor a', 'a[href*="/autor/"]', '[data-test="autor"]'],
} as const;

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
      title: firstText(doc, SELECTORS.title),
      authors: allTexts(doc, SELECTORS.authors),
      format: formatFromWord(details.get('einband') ?? details.get('format') ?? ''),
    });
  },
};

// Page types:
//   book     https://www.thalia.de/shop/home/artikeldetails/A1061396357
//   search   https://www.thalia.de/suche?sq=juli+zeh
