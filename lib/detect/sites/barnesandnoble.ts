/**
 * Barnes & Noble. Product pages live under `/w/<slug>/<productId>`; the
 * `?ean=` query names the format shown. NOOK Books by small presses carry a
 * B&N-internal `2940…` EAN in the ISBN-13 row, which is not an ISBN.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { allTexts, firstText, labelledValues } from '../base/page';
import type { BookFormat, BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  /** The "Product Details" tab table: `<tr><th>ISBN-13:</th><td>978…</td></tr>`. */
  detailRows: '#ProductDetailsTab table tr, .product-details-tab table tr',
  detailLabel: 'th',
  title: [
    'h1.pdp-header-title',
    // Older product pages before the 2021 redesign.
    '#pdp-header-info h1',
    'h1[itemprop="name"]',
  ],
  authors: [
    '#key-contributors a',
    // Contributor links under the title on pages without the key-contributors span.
    '.contributors a[href*="/s/"]',
  ],
} as const;

const PRODUCT_PATH = /^\/w\/[^/]+\/\d+/;

/** The page title ends with the format: "Title by Author, NOOK Book (eBook) | Barnes & Noble®". */
function formatFromTitle(pageTitle: string): BookFormat | undefined {
  const format = /,\s*([^,|]+?)\s*\|\s*Barnes/i.exec(pageTitle)?.[1] ?? '';
  if (/nook book|ebook/i.test(format)) return 'ebook';
  if (/audiobook|audio cd|audio mp3/i.test(format)) return 'audio';
  if (/hardcover|paperback|mass market|board book|library binding/i.test(format)) return 'print';
  return undefined;
}

export const barnesAndNoble: SiteAdapter = {
  id: 'barnesandnoble',
  name: 'Barnes & Noble',
  matches: ['*://*.barnesandnoble.com/*'],
  test: (url) => /(^|\.)barnesandnoble\.com$/.test(url.hostname),
  urlMayBeBook: (url) => PRODUCT_PATH.test(url.pathname),
  detect(doc: Document, url: URL): BookRef | null {
    // Search (`/s/…`), browse (`/b/…`) and everything else is not one book.
    if (!PRODUCT_PATH.test(url.pathname)) return null;
    const details = labelledValues(doc.querySelectorAll(SELECTORS.detailRows), SELECTORS.detailLabel);
    const detailIsbn = details.get('isbn-13') ?? details.get('isbn') ?? '';
    const signals = ['site:barnesandnoble'];
    let isbns = findIsbnCandidates(detailIsbn).map((candidate) => candidate.isbn13);
    if (isbns.length === 0) {
      isbns = findIsbnCandidates(url.searchParams.get('ean') ?? '').map((candidate) => candidate.isbn13);
    }
    const format = formatFromTitle(doc.title);
    // Toys, vinyl and gifts share the `/w/` path; they show a UPC, not an ISBN.
    // A book without an ISBN here is a NOOK Book or audiobook with a B&N EAN.
    if (isbns.length === 0 && format !== 'ebook' && format !== 'audio') return null;
    return buildBookRef({
      site: 'barnesandnoble',
      signals,
      isbns,
      title: firstText(doc, SELECTORS.title),
      authors: allTexts(doc, SELECTORS.authors),
      format,
    });
  },
};

// Page types:
//   product (print)   https://www.barnesandnoble.com/w/project-hail-mary-andy-weir/1137396019?ean=9780593135204
//   product (NOOK)    https://www.barnesandnoble.com/w/project-hail-mary-andy-weir/1137396019?ean=9780593135211
//   search            https://www.barnesandnoble.com/s/project%20hail%20mary
//   browse            https://www.barnesandnoble.com/b/books/_/N-1fZ29Z8q8
// No saved product page found in public repositories. h1.pdp-header-title and the Product Details
// table (th label, td value) are what public Barnes & Noble scrapers read.
