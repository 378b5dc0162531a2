/**
 * What the privacy tests of both browsers share (tests/e2e/privacy and
 * tests/e2e-firefox/privacy): the page views of books the canon does not
 * know, the words that would give each of them away, the single-page
 * navigation between two of them, Open Library's saved answer, and the
 * checks on what the canon server and Open Library heard.
 */
import path from 'node:path';
import { expect } from 'vitest';
import { matchKey } from '../../lib/shared/api';
import type { ProxiedRequest } from './canon-proxy';

/** The books of the five page views: what would give each of them away. */
export const NOT_IN_CANON = [
  {
    file: 'amazon/com-designing-connected-content.html',
    url: 'https://www.amazon.com/Designing-Connected-Content-Products-Tomorrow/dp/0134763386',
    heading: /Designing Connected Content/,
    words: ['9780134763385', '0134763386', 'Designing Connected Content', 'Carrie Hane', 'Atherton'],
  },
  {
    file: 'goodreads/dungeon-crawler-carl-hardcover.html',
    url: 'https://www.goodreads.com/book/show/211721806-dungeon-crawler-carl',
    heading: /Dungeon Crawler Carl/,
    words: ['9780593820247', '059382024X', 'Dungeon Crawler Carl', 'Dinniman'],
  },
  {
    file: 'spydus/first-phone-call-from-heaven-fragment.html',
    url: 'https://herts.spydus.co.uk/cgi-bin/spydus.exe/ENQ/WPAC/BIBENQ?SETLVL=&BRN=3467997',
    heading: /first phone call from heaven/i,
    words: ['9781847442260', '9781405517386', '1847442269', 'first phone call from heaven', 'Albom'],
  },
  {
    file: 'amazon/com-kindle-the-whole-truth.html',
    url: 'https://www.amazon.com/Whole-Truth-Shaw-Book-ebook/dp/B0011UCPM4',
    heading: /The Whole Truth/,
    words: ['The Whole Truth', 'Baldacci', 'B0011UCPM4'],
  },
];
/** The single-page navigation: from one Goodreads book to another without a reload. */
export const SPA_FROM = {
  file: 'goodreads/strange-planet.html',
  url: 'https://www.goodreads.com/book/show/44890112-strange-planet',
  heading: /Strange Planet/,
  words: ['9780062970701', '0062970704', 'Strange Planet', 'Nathan W. Pyle'],
};
export const SPA_TO = {
  file: 'goodreads/house-in-the-cerulean-sea-kindle-nextjs.html',
  path: '/book/show/45047384-the-house-in-the-cerulean-sea',
  words: ['House in the Cerulean Sea', 'Klune', 'B07QPHT8CB'],
};
export const WORDS = [...NOT_IN_CANON.flatMap((b) => b.words), ...SPA_FROM.words, ...SPA_TO.words];

/** A saved Open Library edition record with a table of contents, as Open Library's answer. */
export const OPEN_LIBRARY_EDITION = path.resolve(
  import.meta.dirname,
  '../fixtures/openlibrary/edition-OL22853304M-slow-reading-toc.json',
);
/** The one request opening the sidebar on the first book may make: its edition, by ISBN. */
export const FIRST_BOOK_OPEN_LIBRARY_REQUEST = 'https://openlibrary.org/isbn/9780134763385.json';

/** Does this request carry any of `words`, in any spelling a URL or a body could give it? */
export function naming(request: { url: string; body: string }, words: string[] = WORDS): string[] {
  let text = `${request.url} ${request.body}`;
  try {
    text += ` ${decodeURIComponent(request.url.replace(/\+/g, ' '))}`;
  } catch {
    // A malformed escape: the raw text is still searched.
  }
  const haystack = `${text.toLowerCase()} ${matchKey(text)}`;
  return words.filter((w) => haystack.includes(w.toLowerCase()) || haystack.includes(matchKey(w)));
}

/**
 * Run in the page: swaps its document for the next book's saved page and
 * pushes the next book's address, as a single-page site navigates.
 * Self-contained, as both browsers' drivers send its source to the page.
 */
export function navigateWithinPage({ html, to }: { html: string; to: string }): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...parsed.head.childNodes);
  document.body.replaceChildren(...parsed.body.childNodes);
  history.pushState({}, '', to);
}

const isIndexSync = (request: ProxiedRequest) => request.path.startsWith('/api/v1/canon-index');

/** Nothing the extension sent anywhere names any of the books. */
export function expectNoGiveaways(sentByExtension: { url: string; body: string }[]): void {
  const giveaways = sentByExtension.map((r) => ({ url: r.url, words: naming(r) })).filter((r) => r.words.length);
  expect(giveaways).toEqual([]);
}

/** The canon server heard nothing but index syncs (none is needed; they may run on schedule), naming nothing. */
export function expectOnlyIndexSyncs(heard: ProxiedRequest[]): void {
  expect(heard.filter((r) => !isIndexSync(r))).toEqual([]);
  expect(heard.flatMap((r) => naming({ url: r.path, body: r.body }))).toEqual([]);
}

/**
 * Every index sync is a bare GET, carrying at most the time of the last one. Firefox may precede it with a
 * CORS preflight (OPTIONS, for its If-None-Match header), which carries no more: same path, no body.
 */
export function expectIndexSyncsCarryNothing(log: ProxiedRequest[]): void {
  const syncs = log.filter(isIndexSync);
  expect(syncs.filter((sync) => sync.method === 'GET').length).toBeGreaterThan(0);
  for (const sync of syncs) {
    expect(['GET', 'OPTIONS']).toContain(sync.method);
    expect(sync.path).toMatch(/^\/api\/v1\/canon-index(\?since=\d+)?$/);
    expect(sync.body).toBe('');
  }
}

/** A canon book's page: exactly one lookup of `bookId`, and nothing else but what concerns that book, by its id. */
export function expectOwnLookupOnly(heard: ProxiedRequest[], bookId: string): void {
  const lookups = heard.filter((r) => !isIndexSync(r));
  expect(lookups.filter((r) => r.path === `/api/v1/books/${bookId}`)).toHaveLength(1);
  // Whatever else the sidebar asked (its comments) is about this book alone, by its id.
  expect(lookups.every((r) => r.path.startsWith(`/api/v1/books/${bookId}`))).toBe(true);
  expect(lookups.some((r) => r.path.includes('isbn') || r.path.includes('title='))).toBe(false);
}
