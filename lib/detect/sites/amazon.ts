import { isValidIsbn10 } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { firstText } from '../base/page';
import { cleanText, textOf } from '../base/text';
import type { BookFormat, BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  // Ids first, then scoped queries: these pages hold ~20,000 elements, and a
  // document-wide selector list costs a full traversal each in Chromium.
  title: [
    'productTitle', // every product layout since ~2015
    'ebooksProductTitle', // Kindle layout before 2020
    'btAsinTitle', // pre-2014 layout
  ],
  asinInputId: 'ASIN', // the add-to-cart form; absent on some saved book pages
  asinInputFallback: 'input[name="ASIN"]',
  /** Containers of the "Product details" label/value rows across layouts. */
  detailContainers: [
    'detailBullets_feature_div', // 2020+ bullet list (`ISBN-13 ‏ : ‎ 978-…`)
    'detail_bullets_id', // 2015–2020 bullets (`<b>ISBN-10 :</b> …`)
    'productDetailsTable', // older table-wrapped bullets
    'prodDetails', // tech-spec table on some storefronts (`<th>ISBN-13</th><td>…`)
  ],
  detailRows: 'li, tr',
  /** The 2022+ attribute carousel, a fallback when the bullets are collapsed. */
  carouselIsbn: ['rpi-attribute-book_details-isbn13', 'rpi-attribute-book_details-isbn10'],
  carouselValue: '.rpi-attribute-value',
  bylineIds: ['bylineInfo', 'byline'],
  bylineAuthor: '.author',
  authorName: ['a.contributorNameID', ':scope > a.a-link-normal', '.a-size-medium'], // fr 2020 layout wraps the name in a popover
  contribution: '.contribution, .a-color-secondary',
  formatId: 'productSubtitle',
  formatInByline: 'span:last-child',
  breadcrumbIds: ['wayfinding-breadcrumbs_container', 'wayfinding-breadcrumbs_feature_div'],
};

function byIds(doc: Document, ids: readonly string[]): Element[] {
  return ids.map((id) => doc.getElementById(id)).filter((el): el is HTMLElement => el !== null);
}

/** Amazon storefronts that sell books with ISBN detail rows. */
const STOREFRONTS = 'com co.uk de fr es it ca com.au co.jp in nl se com.mx com.br'.split(' ');
const HOST = new RegExp(`(^|\\.)amazon\\.(${STOREFRONTS.map((tld) => tld.replace('.', '\\.')).join('|')})$`);
/** `#dp` classes of book product pages (`<div id="dp" class="book en_GB">`). */
const BOOK_DP_CLASSES = ['book', 'ebooks', 'audible'];
/** First breadcrumb of book categories on every storefront. */
const BOOK_CATEGORIES =
  /^(books|bücher|livres|libr(?:os|i)|boeken|böcker|livros|本|洋書|(?:boutique |tienda |loja )?kindle.*|audible.*|hörbücher)$/i;
/**
 * Store departments whose products may be books (`data-category` of the
 * page's department bar): books in every storefront's spelling (`books`,
 * `stripbooks`, `books-catalog`, `english-books`), Kindle (`digital-text`),
 * Audible, comics.
 */
const BOOK_DEPARTMENTS = /book|kindle|digital-text|audible|comic|manga/i;
/** Role words that mean "author" in the byline (`(Autor)`, `(著)`); translators etc. are left out. */
const AUTHOR_ROLE = /aut(?:h?or|eur)|författare|著|schrijver/i;
const ISBN_ROW = /^ISBN(?:[-\s]?(1[03]))?\s*[:：]?\s*([\dXx][\dXx\s-]{8,16}[\dXx])/i;
/** The product's ASIN in its address, in every form Amazon has used: `/dp/`, `/gp/product/`, mobile
 * `/gp/aw/d/`, `/o/` and the old `/exec/obidos/` ones. */
const ASIN_IN_PATH = /\/(?:dp|o|gp\/product|gp\/aw\/d|exec\/obidos\/(?:ASIN|tg\/detail\/-))\/([A-Z0-9]{10})(?:[/?]|$)/;

function detailIsbns(doc: Document): string[] {
  const byLabel: Record<string, string[]> = { '13': [], '10': [], '': [] };
  const rows = byIds(doc, SELECTORS.detailContainers).flatMap((container) => [
    ...container.querySelectorAll(SELECTORS.detailRows),
  ]);
  for (const row of rows) {
    const match = ISBN_ROW.exec(textOf(row));
    if (match?.[2]) byLabel[match[1] ?? '']?.push(match[2]);
  }
  const carousel = byIds(doc, SELECTORS.carouselIsbn)
    .map((el) => textOf(el.querySelector(SELECTORS.carouselValue)))
    .filter(Boolean);
  // ISBN-13 first: the co.uk "ISBN-10" row sometimes holds the 13-digit form, which dedupes to the same book.
  return [...(byLabel['13'] ?? []), ...(byLabel['10'] ?? []), ...(byLabel[''] ?? []), ...carousel];
}

function bylineAuthors(doc: Document): string[] {
  const byline = byIds(doc, SELECTORS.bylineIds)[0];
  const entries = [...(byline?.querySelectorAll(SELECTORS.bylineAuthor) ?? [])].map((el) => ({
    name: firstText(el, SELECTORS.authorName).replace(/\s*\(.*\)\s*$/, ''),
    role: textOf(el.querySelector(SELECTORS.contribution)),
  }));
  const authors = entries.filter((entry) => AUTHOR_ROLE.test(entry.role));
  return (authors.length > 0 ? authors : entries).map((entry) => entry.name);
}

function formatOf(doc: Document, dpClasses: string[]): BookFormat {
  const label =
    textOf(doc.getElementById(SELECTORS.formatId)) ||
    textOf(byIds(doc, SELECTORS.bylineIds)[0]?.querySelector(SELECTORS.formatInByline));
  if (dpClasses.includes('ebooks') || /kindle|ebook/i.test(label)) return 'ebook';
  if (dpClasses.includes('audible') || /audi|hörbuch/i.test(label)) return 'audio';
  return 'print';
}

function pageAsin(doc: Document, url: URL): string {
  const input = (
    doc.getElementById(SELECTORS.asinInputId) ?? doc.querySelector(SELECTORS.asinInputFallback)
  )?.getAttribute('value');
  return cleanText(input) || (ASIN_IN_PATH.exec(url.pathname)?.[1] ?? '');
}

function detect(doc: Document, url: URL): BookRef | null {
  const title = byIds(doc, SELECTORS.title)
    .map((el) => textOf(el))
    .find(Boolean);
  if (!title) return null; // search results, captcha, store pages
  const dpClasses = (doc.getElementById('dp')?.getAttribute('class') ?? '').split(/\s+/);
  const isbns = detailIsbns(doc);
  const firstCrumb = textOf(byIds(doc, SELECTORS.breadcrumbIds)[0]?.querySelector('li'));
  const isBook =
    isbns.length > 0 || dpClasses.some((cls) => BOOK_DP_CLASSES.includes(cls)) || BOOK_CATEGORIES.test(firstCrumb);
  if (!isBook) return null; // a numeric ASIN on a non-book product is not an ISBN
  const asin = pageAsin(doc, url);
  const format = formatOf(doc, dpClasses);
  const authors = bylineAuthors(doc);
  // A print book's numeric ASIN is its ISBN-10; a Kindle page shows only other editions' ISBNs.
  if (format !== 'ebook' && isValidIsbn10(asin)) isbns.push(asin);
  return buildBookRef({
    site: 'amazon',
    signals: ['site:amazon'],
    isbns: format === 'ebook' ? [] : isbns,
    // A seller's byline appended to the title goes in buildBookRef (bareTitle), as on every site.
    title,
    authors,
    format,
    asin: asin || undefined,
  });
}

export const amazon: SiteAdapter = {
  id: 'amazon',
  name: 'Amazon',
  matches: STOREFRONTS.map((tld) => `*://*.amazon.${tld}/*`),
  test: (url) => HOST.test(url.hostname),
  // Product pages carry their ASIN in the path; searches (`/s?k=`) and store pages do not.
  urlMayBeBook: (url) => ASIN_IN_PATH.test(url.pathname),
  detect,
  // A product page of another department (kitchen, toys) whose details show no ISBN: its digits are
  // model numbers, and the page's thousands of text nodes need no scan for an ISBN-shaped one.
  notOneBook: (_url, doc) => {
    const department = doc.getElementById('nav-subnav')?.getAttribute('data-category');
    return !!department && !BOOK_DEPARTMENTS.test(department);
  },
};

// Tested on:
// https://www.amazon.com/Designing-Connected-Content-Products-Tomorrow/dp/0134763386
// https://www.amazon.com/Whole-Truth-Shaw-Book-ebook/dp/B0011UCPM4 (Kindle: no ISBN)
// https://www.amazon.co.uk/Vegetable-Perfection-delicious-recipes-shoots/dp/1849757097
// https://www.amazon.de/Siddhartha-indische-Dichtung-Hermann-Hesse/dp/3518366823
// https://www.amazon.fr/Hauts-Hurle-Vent-Emily-Bront%C3%AB/dp/2253004758
// https://www.amazon.es/Cecotec-Excellence-Aspirador-Programable-Limpieza/dp/B01MUGXRT9 (not a book)
// Checked against real pages: the saved pages above (microlinkhq/metascraper, tfonteyn/NeverTooManyBooks,
//   eaton/parse-amazon, OlivierBourgain/mylib, aquino-a/Book-Processor, mart2010/brd) and
//   tfonteyn/NeverTooManyBooks app/src/androidTest/res/raw/amazon_0575090677.html (co.uk),
//   amazon_1107480558.html and amazon_840827578x.html (es), amazon_2205057332.html (fr) (2024)
