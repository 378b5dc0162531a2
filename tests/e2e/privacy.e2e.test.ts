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
import type { BookView } from '../../lib/shared/messages/views';
import { sendAsExtensionPage, valueOf } from './messages';
import { WE_THINK, weThinkOnAmazon } from './canon-pages';
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
} from './privacy-books';
import { startOutboxRig, waitFor, type OutboxRig } from './outbox-rig';
import { FIXTURE_PAGES_DIR, FixtureServer, sidebarFrame, tabReportFor } from './pages';

interface Sent {
  url: string;
  method: string;
  body: string;
  /** The worker or an extension page sent it (not the web page itself). */
  byExtension: boolean;
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

      const page = await view(SPA_FROM.file, SPA_FROM.url, SPA_FROM.heading);
      expect((await viewOf(SPA_FROM.url)).canon).toMatchObject({ origin: 'index', answer: { inCanon: false } });
      const { tabId } = await tabReportFor(await rig.browser.serviceWorker(), SPA_FROM.url);
      const next = await readFile(path.join(FIXTURE_PAGES_DIR, SPA_TO.file), 'utf8');
      await page.evaluate(navigateWithinPage, { html: next, to: SPA_TO.path });
      // The same tab now reports the next book.
      await waitFor('the new book’s report', async () => (await viewOf(tabId)).book.title?.includes('Cerulean'));
      expect((await viewOf(tabId)).canon).toMatchObject({ origin: 'index', answer: { inCanon: false } });
      await page.close();

      expectNoGiveaways(sent.filter((r) => r.byExtension && !r.url.startsWith('chrome-extension://')));
      expectOnlyIndexSyncs(rig.proxy.log.slice(before));
      expect(openLibrary).toEqual([]);
    },
  );

  it('syncs the index with requests that carry nothing about any page', async () => {
    expectIndexSyncsCarryNothing(rig.proxy.log);
  });

  it('looks a canon book up by its canon id, exactly once', async () => {
    pages.serveHtml(WE_THINK.url, await weThinkOnAmazon());
    const before = rig.proxy.log.length;
    const page = await view(null, WE_THINK.url, /We-Think/);
    expect((await viewOf(WE_THINK.url)).canon).toMatchObject({ origin: 'server', answer: { inCanon: true } });
    expectOwnLookupOnly(rig.proxy.log.slice(before), 'we-think');
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
      expect(openLibrary).toEqual([FIRST_BOOK_OPEN_LIBRARY_REQUEST]);
      expect((await viewOf(book.url)).chapters?.source).toBe('openlibrary');
      expect(openLibrary).toHaveLength(1);
      // The canon server heard nothing of it.
      expect(rig.proxy.log.flatMap((r) => naming({ url: r.path, body: r.body }))).toEqual([]);
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
