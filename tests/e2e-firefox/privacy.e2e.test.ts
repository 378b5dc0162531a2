/**
 * Private by design, proven in real Firefox as tests/e2e/privacy proves it
 * in Chromium, with the same books and the same checks (tests/e2e/
 * privacy-books): a logging proxy in front of the real canon server, Open
 * Library's host answered by the test, and every request the browser makes,
 * to any host, recorded by Firefox's own network observer (an event page is
 * no tab, so neither BiDi's network events nor Puppeteer's interception
 * would see what the add-on's background fetches).
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookView } from '../../lib/shared/messages/views';
import { startCanonServer, type CanonServerHandle } from '../server/harness';
import { E2E_CANON_URL } from '../e2e/canon';
import { WE_THINK, weThinkOnAmazon } from '../e2e/canon-pages';
import { startCanonProxy, type CanonProxy } from '../e2e/canon-proxy';
import { firefoxSurface } from '../e2e/journey/firefox';
import { sendAsExtensionPage, valueOf } from '../e2e/messages';
import { waitFor } from '../e2e/outbox-rig';
import { FIXTURE_PAGES_DIR } from '../e2e/pages';
import {
  expectIndexSyncsCarryNothing,
  expectNoGiveaways,
  expectOnlyIndexSyncs,
  expectOwnLookupOnly,
  FIRST_BOOK_OPEN_LIBRARY_REQUEST,
  naming,
  navigateWithinPage,
  NOT_IN_CANON,
  OPEN_LIBRARY_EDITION,
  SPA_FROM,
  SPA_TO,
} from '../e2e/privacy-books';
import {
  FirefoxPages,
  launchFirefoxWithExtension,
  recordRequests,
  sidebarFrame,
  tabReportFor,
  type FirefoxExtensionBrowser,
  type ObservedRequest,
} from './firefox';

/** Open Library's stand-in on loopback: the saved edition for every request, open to any origin. */
async function startOpenLibrary(): Promise<{ url: string; close(): Promise<void> }> {
  const edition = await readFile(OPEN_LIBRARY_EDITION);
  const server = http.createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(edition);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const LOADED = 90_000;

describe('private by design, in Firefox: what the canon server and Open Library hear', () => {
  let canon: CanonServerHandle;
  let proxy: CanonProxy;
  let openLibraryStandIn: Awaited<ReturnType<typeof startOpenLibrary>>;
  let ff: FirefoxExtensionBrowser;
  let pages: FirefoxPages;
  let probe: Page;
  let requests: () => Promise<ObservedRequest[]>;

  /** What the add-on asked of Open Library itself (its stand-in's own requests are the redirect's second leg). */
  const openLibrary = async () =>
    (await requests()).filter((r) => new URL(r.url).host === 'openlibrary.org').map((r) => r.url);
  /** What the add-on sent over the network, to any host. */
  const sentByExtension = async () => (await requests()).filter((r) => r.byExtension && /^https?:/.test(r.url));

  beforeAll(async () => {
    canon = await startCanonServer();
    proxy = await startCanonProxy(E2E_CANON_URL, canon.url);
    openLibraryStandIn = await startOpenLibrary();
    ff = await launchFirefoxWithExtension();
    ({ all: requests } = await recordRequests(ff, { 'openlibrary.org': openLibraryStandIn.url }));
    pages = new FirefoxPages(ff);
    // An extension page in a tab (not framed: a framed one has no storage.session to read tab reports from).
    probe = await ff.openExtensionPage('sidepanel.html?in-page=1');
    // The event page's start synced the index from the server (through the proxy).
    await waitFor('the index sync', async () => proxy.log.some((r) => r.path.startsWith('/api/v1/canon-index')));
  });
  afterAll(async () => {
    await ff?.close();
    await openLibraryStandIn?.close();
    await proxy?.close();
    await canon?.stop();
  });

  /**
   * The tab's book as its collapsed in-page sidebar is given it, asked from an
   * extension page that says it is one (`?in-page=1`): the same view, made by
   * the same rules, so its answer shows what the background decided and, had
   * it asked anyone, whom.
   */
  async function viewOf(urlOrTab: string | number): Promise<BookView> {
    const tabId = typeof urlOrTab === 'number' ? urlOrTab : (await tabReportFor(probe, urlOrTab)).tabId;
    const view = valueOf(await sendAsExtensionPage(probe, 'getTabBook', { tabId }));
    if (view === null) throw new Error(`no book for ${urlOrTab}`);
    return view;
  }

  /** Opens a page, waits for its sidebar (collapsed or open) and for the background's view of its book. */
  async function view(file: string | null, url: string, title: RegExp): Promise<Page> {
    if (file !== null) await pages.serve(file, url);
    const page = await pages.newTab();
    // Saved pages run to 2 MB; on a loaded machine their parse alone can take tens of seconds.
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: LOADED });
    const frame = await sidebarFrame(ff, page, 30_000);
    await expect
      .poll(() => frame.evaluate(() => document.querySelectorAll('button').length), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect((await viewOf(url)).book.title).toMatch(title);
    return page;
  }

  it(
    'views five books the canon does not know without naming any of them to any host',
    { timeout: 300_000 },
    async () => {
      // Firefox opens an add-on's own sidebar (sidebar_action) at install unless told not to; open, it would
      // follow every tab and ask Open Library about each book. The reader has opened nothing yet.
      expect(await ff.privileged<boolean>('SidebarController.isOpen')).toBe(false);
      const before = proxy.log.length;
      for (const book of NOT_IN_CANON) {
        const page = await view(book.file, book.url, book.heading);
        // Decided here: not in the canon, by the index, with nobody asked.
        expect((await viewOf(book.url)).canon).toMatchObject({ origin: 'index', answer: { inCanon: false } });
        await page.close();
      }

      const page = await view(SPA_FROM.file, SPA_FROM.url, SPA_FROM.heading);
      expect((await viewOf(SPA_FROM.url)).canon).toMatchObject({ origin: 'index', answer: { inCanon: false } });
      const { tabId } = await tabReportFor(probe, SPA_FROM.url);
      const next = await readFile(path.join(FIXTURE_PAGES_DIR, SPA_TO.file), 'utf8');
      await page.evaluate(navigateWithinPage, { html: next, to: SPA_TO.path });
      // The same tab now reports the next book.
      await waitFor('the new book’s report', async () => (await viewOf(tabId)).book.title?.includes('Cerulean'));
      expect((await viewOf(tabId)).canon).toMatchObject({ origin: 'index', answer: { inCanon: false } });
      await page.close();

      expectNoGiveaways(await sentByExtension());
      expectOnlyIndexSyncs(proxy.log.slice(before));
      expect(await openLibrary()).toEqual([]);
    },
  );

  it('syncs the index with requests that carry nothing about any page', () => {
    expectIndexSyncsCarryNothing(proxy.log);
  });

  it('looks a canon book up by its canon id, exactly once', async () => {
    pages.serveHtml(WE_THINK.url, await weThinkOnAmazon());
    const before = proxy.log.length;
    const page = await view(null, WE_THINK.url, /We-Think/);
    expect((await viewOf(WE_THINK.url)).canon).toMatchObject({ origin: 'server', answer: { inCanon: true } });
    expectOwnLookupOnly(proxy.log.slice(before), 'we-think');
    await page.close();
  });

  it(
    'asks Open Library once when the reader opens the sidebar on a book the canon does not know, then never again',
    { timeout: 300_000 },
    async () => {
      const book = NOT_IN_CANON[0]!;
      const page = await view(book.file, book.url, book.heading);
      expect(await openLibrary()).toEqual([]);
      const sidebar = firefoxSurface(await sidebarFrame(ff, page));
      await sidebar.click(/open/i);
      // The opened sidebar shows the chapters Open Library knows, asked for once.
      await sidebar.waitForText(/Open Library/, { timeoutMs: 15_000 });
      expect(await openLibrary()).toEqual([FIRST_BOOK_OPEN_LIBRARY_REQUEST]);
      expect((await viewOf(book.url)).chapters?.source).toBe('openlibrary');
      // The canon server heard nothing of it.
      expect(proxy.log.flatMap((r) => naming({ url: r.path, body: r.body }))).toEqual([]);
      await page.close();

      // Warm: the same book again with the sidebar open needs no network at all.
      const [sentBefore, heardBefore] = [(await sentByExtension()).length, proxy.log.length];
      const again = await view(book.file, book.url, book.heading);
      await firefoxSurface(await sidebarFrame(ff, again)).waitForText(/Open Library/, { timeoutMs: 15_000 });
      expect((await sentByExtension()).slice(sentBefore)).toEqual([]);
      expect(proxy.log.slice(heardBefore)).toEqual([]);
      expect(await openLibrary()).toEqual([FIRST_BOOK_OPEN_LIBRARY_REQUEST]);
      await again.close();
    },
  );
});
