/**
 * Fnac. Product pages are `/a<id>/<slug>` on `livre.fnac.com` and
 * `www.fnac.com` alike, for books and for everything else Fnac sells, so a
 * page counts as a book only when its "Caractéristiques" name an ISBN (or an
 * EAN that is one). Ebooks (`/livre-numerique/a<id>/…`) list their own
 * ISBN under the same labels.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { allTexts, firstText, labelledValues } from '../base/page';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  /** `<dl class="f-productProperties__item"><dt …__term>ISBN</dt><dd …__definition>…</dd></dl>` */
  propertyRows: '.f-productProperties__item, .Feature-item, dl',
  propertyLabel: 'dt, .Feature-label',
  title: ['h1.f-productHeader-Title', '.f-productHeader h1', 'h1'],
  authors: ['.f-productHeader__authors a', '.f-productHeader-author a'],
} as const;

const PRODUCT_PATH = /^\/(?:livre-numerique\/)?a\d+(?:\/|$)/;

export const fnac: SiteAdapter = {
  id: 'fnac',
  name: 'Fnac',
  matches: ['*://*.fnac.com/*'],
  test: (url) => /(^|\.)fnac\.com$/.test(url.hostname),
  detect(doc: Document, url: URL): BookRef | null {
    // Search (`recherche.fnac.com/SearchResult/…`), shelves and home pages.
    if (!PRODUCT_PATH.test(url.pathname)) return null;
    const properties = labelledValues(doc.querySelectorAll(SELECTORS.propertyRows), SELECTORS.propertyLabel);
    const isbns = findIsbnCandidates(`${properties.get('isbn') ?? ''} ${properties.get('ean') ?? ''}`).map(
      (candidate) => candidate.isbn13,
    );
    // Music, games and electronics: their EAN is not an ISBN.
    if (isbns.length === 0) return null;
    const authors = allTexts(doc, SELECTORS.authors);
    return buildBookRef({
      site: 'fnac',
      signals: ['site:fnac'],
      isbns,
      title: firstText(doc, SELECTORS.title),
      authors: authors.length > 0 ? authors : (properties.get('auteur') ?? '').split(/\s*,\s*/),
      format: url.pathname.startsWith('/livre-numerique/')
        ? 'ebook'
        : /broché|poche|relié/i.test(properties.get('format') ?? '')
          ? 'print'
          : undefined,
    });
  },
};

// Page types:
//   book     https://livre.fnac.com/a1938/Albert-Camus-L-etranger
//   ebook    https://www.fnac.com/livre-numerique/a1856784/Albert-Camus-L-etranger
//   search   https://recherche.fnac.com/SearchResult/ResultList.aspx?Search=camus
// No saved product page found in public repositories. The .f-productProperties__item rows with
// dt.f-productProperties__term labels are what public fnac.com scrapers read.
