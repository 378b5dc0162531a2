import { buildBookRef } from '../base/bookref';
import { allTexts, firstText, metaContent } from '../base/page';
import { formatFromWord } from '../signals/reading';
import { cleanText, textOf } from '../base/text';
import { NO_SCHEMA, type SchemaReaders } from '../base/schema-readers';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: [
    'h1[data-testid="bookTitle"]', // current Next.js layout (2022+)
    '#bookTitle', // classic Rails layout; the series sits in a sibling #bookSeries
  ],
  /** Next.js contributors: authors carry no `ContributorLink__role` span. */
  nextContributors: '.BookPageMetadataSection__contributor .ContributorLink',
  nextRole: '.ContributorLink__role',
  nextName: '.ContributorLink__name',
  classicAuthors: [
    '#bookAuthors [itemprop="author"] [itemprop="name"]', // 2016–2021
    '#bookAuthors a.authorName', // without microdata
  ],
  /** Classic "ISBN13: 978…" detail row, and the books:isbn meta (both the shown edition's). */
  classicIsbn: ['#bookDataBox [itemprop="isbn"]', '#details [itemprop="isbn"]'],
  /** Next.js "This edition" list, rendered in the saved DOM (no JSON-LD there). */
  editionRows: '.EditionDetails .DescListItem',
  nextData: 'script#__NEXT_DATA__',
};

/** Only a single edition's page is a book page: search, shelves and "all editions" lists are not. */
const BOOK_PATH = /^\/book\/show\/(\d+)/;
/** Pages that list books: a work's editions, a reader's shelves, search results, lists, series, an author's books. */
const LIST_PATH = /^\/(?:work\/editions|review\/list|shelf|search|list|series|author\/list|genres)(?:\/|$)/;

/** How far after a Book's `legacyId` its `details` record may start in the Apollo state. */
const DETAILS_WINDOW = 20_000;
const DETAILS_FIELD = /"(asin|isbn|isbn13|format)":(null|"[^"]*")/g;

/**
 * The `details` of the Apollo `Book` record of the edition in the URL
 * (`legacyId`), read from the `__NEXT_DATA__` text. Scanned, not parsed:
 * saved pages carry broken JSON there (a description's `it's` saved as
 * `it"s`), and the state is ~150 kB.
 */
function nextEditionDetails(doc: Document, legacyId: string): Record<string, string | null> | undefined {
  const text = doc.querySelector(SELECTORS.nextData)?.textContent ?? '';
  const at = text.indexOf(`"legacyId":${legacyId}`);
  if (at < 0) return undefined;
  const start = text.indexOf('"details":{"__typename":"BookDetails"', at);
  if (start < 0 || start - at > DETAILS_WINDOW) return undefined;
  const record = text.slice(start, text.indexOf('}', start));
  const details: Record<string, string | null> = {};
  for (const [, key, value] of record.matchAll(DETAILS_FIELD)) {
    if (key) details[key] = value === 'null' || value === undefined ? null : value.slice(1, -1);
  }
  return details;
}

function editionIsbns(doc: Document): string[] {
  for (const row of doc.querySelectorAll(SELECTORS.editionRows)) {
    if (/^ISBN/i.test(textOf(row.querySelector('dt')))) {
      return [textOf(row.querySelector('dd')).split(/\s|\(/)[0] ?? ''];
    }
  }
  return [];
}

function authors(doc: Document): string[] {
  const next = [...doc.querySelectorAll(SELECTORS.nextContributors)].filter(
    (link) => !link.querySelector(SELECTORS.nextRole),
  );
  if (next.length > 0) return next.map((link) => textOf(link.querySelector(SELECTORS.nextName)));
  return allTexts(doc, SELECTORS.classicAuthors);
}

function detect(doc: Document, url: URL, schema: SchemaReaders): BookRef | null {
  const legacyId = BOOK_PATH.exec(url.pathname)?.[1];
  if (!legacyId) return null;
  const title = firstText(doc, SELECTORS.title);
  if (!title) return null;
  const details = nextEditionDetails(doc, legacyId);
  const jsonLd = schema.jsonLd(doc);
  const signals = ['site:goodreads'];
  let isbns: string[];
  if (details) {
    // The edition record says null for a Kindle edition; the page's other ISBNs belong to other editions.
    isbns = [details['isbn13'], details['isbn']].filter((isbn): isbn is string => typeof isbn === 'string');
    signals.push('next-data');
  } else if (jsonLd.isBook) {
    isbns = jsonLd.isbns;
    signals.push('jsonld');
  } else {
    isbns = [metaContent(doc, 'books:isbn'), firstText(doc, SELECTORS.classicIsbn), ...editionIsbns(doc)].filter(
      Boolean,
    );
  }
  const formatWord = typeof details?.['format'] === 'string' ? details['format'] : '';
  const asin = typeof details?.['asin'] === 'string' ? details['asin'] : undefined;
  return buildBookRef({
    site: 'goodreads',
    signals,
    isbns,
    title: cleanText(title),
    authors: authors(doc),
    format: formatFromWord(formatWord) ?? jsonLd.format,
    asin,
  });
}

export const goodreads: SiteAdapter = {
  id: 'goodreads',
  name: 'Goodreads',
  // Next.js: book to book without a page load.
  navigatesInPlace: true,
  matches: ['*://*.goodreads.com/*'],
  test: (url) => /(^|\.)goodreads\.com$/.test(url.hostname),
  urlMayBeBook: (url) => BOOK_PATH.test(url.pathname),
  // Their markup and their ISBNs are the listed books': the generic signals would read them for nothing.
  notOneBook: (url) => LIST_PATH.test(url.pathname),
  readsSchema: true,
  detect: (doc, url, schema = NO_SCHEMA) => detect(doc, url, schema),
};

// Tested on:
// https://www.goodreads.com/book/show/44890112-strange-planet (classic layout)
// https://www.goodreads.com/book/show/2776527-traffic (2016 layout)
// https://www.goodreads.com/book/show/45047384-the-house-in-the-cerulean-sea (Next.js, Kindle edition: no ISBN)
// https://www.goodreads.com/book/show/40961427-1984 (Next.js saved DOM, edition without ISBN)
// https://www.goodreads.com/work/editions/94024291-el-libro-negro-de-las-horas (editions list: null)
// Checked against real pages: mikihau/consume-in-public test_data/goodreads-book-published.html, SEB534542/gobookprices
//   goodreads/testdata/work.html, mart2010/brd GR_2776527-traffic_reviews_p2of32.html, tsauvajon/libreads
//   tests/testdata/goodreads_1984_book_page.html,
//   YashTotale/goodreads-user-scraper tests/fixtures/book.html (2016–2026)
