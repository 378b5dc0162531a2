/**
 * Private by design (issue 16), proven in real Chromium: a logging proxy in
 * front of the real canon server, Open Library's host answered by the test's
 * own routing, and every request the extension's worker and pages make
 * recorded, to any host.
 * - Five page views of books the canon does not know (Amazon, Goodreads, a
 *   library record, a Kindle edition without ISBN, a single-page navigation
 *   between two Goodreads books) send nothing that names any of them.
 * - The canon index's sync requests name nothing about any page.
 * - A canon book's page causes exactly its own lookup, by canon id.
 * - Opening the sidebar on a book the canon does not know asks Open Library
 *   exactly once.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchKey } from '../../lib/shared/api';
import type { BookView } from '../../lib/shared/messages/views';
import { sendAsExtensionPage, valueOf } from './messages';
import { WE_THINK, weThinkOnAmazon } from './canon-pages';
import { startOutboxRig, waitFor, type OutboxRig } from './outbox-rig';
import { FIXTURE_PAGES_DIR, FixtureServer, sidebarFrame, tabReportFor } from './pages';

/** The books of the five page views: what would give each of them away. */
const NOT_IN_CANON = [
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
const SPA_FROM = {
  file: 'goodreads/strange-planet.html',
  url: 'https://www.goodreads.com/book/show/44890112-strange-planet',
  words: ['9780062970701', '0062970704', 'Strange Planet', 'Nathan W. Pyle'],
};
const SPA_TO = {
  file: 'goodreads/house-in-the-cerulean-sea-kindle-nextjs.html',
  path: '/book/show/45047384-the-house-in-the-cerulean-sea',
  words: ['House in the Cerulean Sea', 'Klune', 'B07QPHT8CB'],
};
const WORDS = [...NOT_IN_CANON.flatMap((b) => b.words), ...SPA_FROM.words, ...SPA_TO.words];

/** A saved Open Library edition record with a table of contents, as Open Library's answer. */
const OPEN_LIBRARY_EDITION = path.resolve(
  import.meta.dirname,
  '../fixtures/openlibrary/edition-OL22853304M-slow-reading-toc.json',
);

interface Sent {
  url: string;
  method: string;
  body: string;
  /** The worker or an extension page sent it (not the web page itself). */
  byExtension: boolean;
}

/** Does this request carry any of `words`, in any spelling a URL or a body could give it? */
function naming(request: { url: string; body: string }, words: string[]): string[] {
  let text = `${request.url} ${request.body}`;
  try {
    text += ` ${decodeURIComponent(request.url.replace(/\+/g, ' '))}`;
  } catch {
    // A malformed escape: the raw text is still searched.
  }
  const haystack = `${text.toLowerCase()} ${matchKey(text)}`;
  return words.filter((w) => haystack.includes(w.toLowerCase()) || haystack.includes(matchKey(w)));
}

describe('private by design: what the canon server and Open Library hear', () => {
  let rig: OutboxRig;
  let pages: FixtureServer;
  let probe: Page;
  const sent: Sent[] = [];
  const openLibrary: string[] = [];

  const isExtension = (request: Request) => {
    if (request.serviceWorker() !== null) return true;
    try {
      return request.frame().url().startsWith('chrome-extension://');
    } catch {
      return false;
    }
  };

  beforeAll(async () => {
    rig = await startOutboxRig();
    pages = await FixtureServer.install(rig.browser.context);
    // Registered after the fixture server's catch-all, so it runs first (Playwright runs the latest route first).
    const edition = await readFile(OPEN_LIBRARY_EDITION, 'utf8');
    await rig.browser.context.route('https://openlibrary.org/**', async (route) => {
      openLibrary.push(route.request().url());
      await route.fulfill({ status: 200, contentType: 'application/json', body: edition });
    });
    rig.browser.context.on('request', (request) => {
      sent.push({
        url: request.url(),
        method: request.method(),
        body: request.postData() ?? '',
        byExtension: isExtension(request),
      });
    });
    probe = await rig.browser.openExtensionPage('sidepanel.html?in-page=1');
    // The worker's start synced the index from the server (through the proxy).
    await waitFor('the index sync', async () => rig.proxy.log.some((r) => r.path.startsWith('/api/v1/canon-index')));
  });
  afterAll(() => rig?.close());

  /**
   * The tab's book as its collapsed in-page sidebar is given it, asked from an
   * extension page that says it is one (`?in-page=1`): the same view, made by
   * the same rules, so its answer shows what the background decided and, had
   * it asked anyone, whom.
   */
  async function viewOf(urlOrTab: string | number): Promise<BookView> {
    const tabId =
      typeof urlOrTab === 'number' ? urlOrTab : (await tabReportFor(await rig.browser.serviceWorker(), urlOrTab)).tabId;
    const view = valueOf(await sendAsExtensionPage(probe, 'getTabBook', { tabId }));
    if (view === null) throw new Error(`no book for ${urlOrTab}`);
    return view;
  }

  /** Opens a page, waits for its sidebar (collapsed or open) and for the background's view of its book. */
  async function view(file: string | null, url: string, title: RegExp): Promise<Page> {
    if (file !== null) await pages.serve(file, url);
    const page = await rig.browser.context.newPage();
    // Saved pages run to 2 MB; on a loaded machine their parse alone can take tens of seconds.
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 90_000 });
    await (await sidebarFrame(page, 15_000)).getByRole('button').first().waitFor({ timeout: 15_000 });
    expect((await viewOf(url)).book.title).toMatch(title);
    return page;
  }

  it(
    'views five books the canon does not know without naming any of them to any host',
    { timeout: 300_000 },
    async () => {
      const before = rig.proxy.log.length;
      for (const book of NOT_IN_CANON) {
        const page = await view(book.file, book.url, book.heading);
        // Decided here: not in the canon, by the index, with nobody asked.
        expect((await viewOf(book.url)).canon).toMatchObject({ origin: 'index', answer: { inCanon: false } });
        await page.close();
      }

      const page = await view(SPA_FROM.file, SPA_FROM.url, /Strange Planet/);
      expect((await viewOf(SPA_FROM.url)).canon).toMatchObject({ origin: 'index', answer: { inCanon: false } });
      const { tabId } = await tabReportFor(await rig.browser.serviceWorker(), SPA_FROM.url);
      const next = await readFile(path.join(FIXTURE_PAGES_DIR, SPA_TO.file), 'utf8');
      await page.evaluate(
        ({ html, to }) => {
          const parsed = new DOMParser().parseFromString(html, 'text/html');
          document.head.replaceChildren(...parsed.head.childNodes);
          document.body.replaceChildren(...parsed.body.childNodes);
          history.pushState({}, '', to);
        },
        { html: next, to: SPA_TO.path },
      );
      // The same tab now reports the next book.
      await waitFor('the new book’s report', async () => (await viewOf(tabId)).book.title?.includes('Cerulean'));
      expect((await viewOf(tabId)).canon).toMatchObject({ origin: 'index', answer: { inCanon: false } });
      await page.close();

      const byExtension = sent.filter((r) => r.byExtension && !r.url.startsWith('chrome-extension://'));
      const giveaways = byExtension.map((r) => ({ url: r.url, words: naming(r, WORDS) })).filter((r) => r.words.length);
      expect(giveaways).toEqual([]);
      // The canon server heard nothing but index syncs (none is needed here; they may run on schedule).
      const heard = rig.proxy.log.slice(before);
      expect(heard.filter((r) => !r.path.startsWith('/api/v1/canon-index'))).toEqual([]);
      expect(heard.flatMap((r) => naming({ url: r.path, body: r.body }, WORDS))).toEqual([]);
      expect(openLibrary).toEqual([]);
    },
  );

  it('syncs the index with requests that carry nothing about any page', async () => {
    const syncs = rig.proxy.log.filter((r) => r.path.startsWith('/api/v1/canon-index'));
    expect(syncs.length).toBeGreaterThan(0);
    for (const sync of syncs) {
      expect(sync.method).toBe('GET');
      expect(sync.path).toMatch(/^\/api\/v1\/canon-index(\?since=\d+)?$/);
      expect(sync.body).toBe('');
    }
  });

  it('looks a canon book up by its canon id, exactly once', async () => {
    pages.serveHtml(WE_THINK.url, await weThinkOnAmazon());
    const before = rig.proxy.log.length;
    const page = await view(null, WE_THINK.url, /We-Think/);
    expect((await viewOf(WE_THINK.url)).canon).toMatchObject({ origin: 'server', answer: { inCanon: true } });
    const heard = rig.proxy.log.slice(before).filter((r) => !r.path.startsWith('/api/v1/canon-index'));
    expect(heard.filter((r) => r.path === '/api/v1/books/we-think')).toHaveLength(1);
    // Whatever else the sidebar asked (its comments) is about this book alone, by its id.
    expect(heard.every((r) => r.path.startsWith('/api/v1/books/we-think'))).toBe(true);
    expect(heard.some((r) => r.path.includes('isbn') || r.path.includes('title='))).toBe(false);
    await page.close();
  });

  it(
    'asks Open Library once when the reader opens the sidebar on a book the canon does not know, then never again',
    { timeout: 300_000 },
    async () => {
      const book = NOT_IN_CANON[0]!;
      const page = await view(book.file, book.url, book.heading);
      expect(openLibrary).toEqual([]);
      const sidebar = await sidebarFrame(page);
      await sidebar.getByRole('button', { name: /open/i }).click();
      // The opened sidebar shows the chapters Open Library knows, asked for once.
      await sidebar
        .getByText(/Open Library/)
        .first()
        .waitFor({ timeout: 15_000 });
      expect(openLibrary).toEqual(['https://openlibrary.org/isbn/9780134763385.json']);
      expect((await viewOf(book.url)).chapters?.source).toBe('openlibrary');
      expect(openLibrary).toHaveLength(1);
      // The canon server heard nothing of it.
      expect(rig.proxy.log.flatMap((r) => naming({ url: r.path, body: r.body }, WORDS))).toEqual([]);
      await page.close();

      // Warm: the same book again with the sidebar open needs no network at all.
      const [sentBefore, heardBefore] = [sent.length, rig.proxy.log.length];
      const again = await view(book.file, book.url, book.heading);
      await (
        await sidebarFrame(again)
      )
        .getByText(/Open Library/)
        .first()
        .waitFor({ timeout: 15_000 });
      const fetched = sent.slice(sentBefore).filter((r) => r.byExtension && /^https?:/.test(r.url));
      expect(fetched).toEqual([]);
      expect(rig.proxy.log.slice(heardBefore)).toEqual([]);
      expect(openLibrary).toHaveLength(1);
      await again.close();
    },
  );
});
