/**
 * After the browser has stopped the idle service worker, opening a book page
 * still renders the sidebar at once from the cache (marked stale: the canon
 * server cannot be reached here), and once the server is back a refresh
 * answers fresh from the server and the next sidebar shows that answer.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBook } from '../../server/db/seed';
import { untilIndexCurrent } from './canon-index';
import { sendAsExtensionPage, valueOf } from './messages';
import { startOutboxRig, waitFor, type OutboxRig } from './outbox-rig';
import { FixtureServer, sidebarFrame } from './pages';

const PAGE_FILE = 'goodreads/strange-planet.html';
const PAGE_URL = 'https://www.goodreads.com/book/show/44890112-strange-planet';
const TITLE = 'Strange Planet';
/** The sidebar's notice for an answer shown from the cache (locales/en.yml `state.stale`). */
const STALE_NOTICE = /Showing saved data/;
/** Well past the 30 minutes a canon answer counts as fresh. */
const AGE_MS = 60 * 60_000;

describe('idle worker: the sidebar from the cache', () => {
  let rig: OutboxRig;
  let pages: FixtureServer;

  beforeAll(async () => {
    rig = await startOutboxRig();
    // The saved page's book joins the canon, so the sidebar has a canon entry to show.
    await insertBook(
      rig.canon.server.deps.db,
      {
        id: 'strange-planet',
        title: TITLE,
        subtitle: null,
        authors: ['Nathan W. Pyle'],
        publisher: 'Morrow Gift',
        year: 2019,
        isbn13: ['9780062970701'],
        isbn10: [],
        chapters: [],
        sources: [],
      },
      Date.now(),
    );
    // Added behind the writers' backs: the index is republished by hand, and the extension's brought up
    // to date before it decides about the page.
    await untilIndexCurrent(await rig.browser.serviceWorker(), rig.canon);
    pages = await FixtureServer.install(rig.browser.context);
    valueOf(await sendAsExtensionPage(rig.page, 'updateSettings', { sidebar: { open: true } }));
  });
  afterAll(() => rig?.close());

  it('renders a stopped worker’s book page from the cache, then refreshes from the server', async () => {
    // First visit: the answer comes from the server and is cached.
    const first = await pages.open(PAGE_FILE, PAGE_URL);
    expect((await bookView(rig, first)).canon).toMatchObject({
      origin: 'server',
      stale: false,
      answer: { inCanon: true },
    });
    await expect(bookTitle(await sidebarFrame(first))).resolves.toBe(TITLE);
    // The cached answer, once it stops changing: the first two lookups (the sidebar's and
    // this test's) may both have gone to the server, each caching its own.
    const fresh = await waitFor('a settled cached answer', async () => {
      const [a, b] = [await bookView(rig, first), await bookView(rig, first)];
      return a.canon?.fetchedAt === b.canon?.fetchedAt && b;
    });
    expect(fresh.canon).toMatchObject({ origin: 'server', stale: false, answer: { inCanon: true } });
    await first.close();

    // An hour later (the cached answer aged), the server unreachable, the worker stopped.
    await ageCachedCanonAnswers(rig, AGE_MS);
    await rig.proxy.setOffline(true);
    await rig.browser.stopServiceWorker();

    const second = await pages.open(PAGE_FILE, PAGE_URL);
    const frame = await sidebarFrame(second);
    await expect(bookTitle(frame)).resolves.toBe(TITLE);
    await frame.getByText(STALE_NOTICE).waitFor();
    const cached = await bookView(rig, second);
    expect(cached.canon).toMatchObject({ origin: 'server', stale: true, answer: { inCanon: true } });
    expect(cached.canon?.fetchedAt).toBe(fresh.canon!.fetchedAt - AGE_MS);

    // The server is back: a refresh answers from it, and the cache is fresh again.
    await rig.proxy.setOffline(false);
    const refreshed = await bookView(rig, second, true);
    expect(refreshed.canon).toMatchObject({ origin: 'server', stale: false, answer: { inCanon: true } });
    expect(refreshed.canon!.fetchedAt).toBeGreaterThan(fresh.canon!.fetchedAt);
    expect((await bookView(rig, second)).canon).toMatchObject({ origin: 'server', stale: false });
    await second.close();

    // The next visit's sidebar shows the refreshed answer, with no stale notice.
    const third = await pages.open(PAGE_FILE, PAGE_URL);
    const thirdFrame = await sidebarFrame(third);
    await expect(bookTitle(thirdFrame)).resolves.toBe(TITLE);
    await expect(thirdFrame.getByText(STALE_NOTICE).count()).resolves.toBe(0);
    await third.close();
  });
});

/** `getTabBook` for the tab showing `page`, as the sidebar asks it, once the content script has reported. */
async function bookView(rig: OutboxRig, page: Page, refresh = false) {
  const tabId = await waitFor(`a tab report for ${page.url()}`, () => reportedTabId(rig.page, page.url()));
  return waitFor(`the book of tab ${tabId}`, async () =>
    valueOf(await sendAsExtensionPage(rig.page, 'getTabBook', { tabId, refresh })),
  );
}

/** The newest tab whose content script reported `url` (the background's `tab:<id>` session entries). */
function reportedTabId(extensionPage: Page, url: string): Promise<number | null> {
  return extensionPage.evaluate(async (pageUrl) => {
    const stored: Record<string, { url?: string }> = await chrome.storage.session.get(null);
    const ids = Object.entries(stored)
      .filter(([key, report]) => key.startsWith('tab:') && report.url === pageUrl)
      .map(([key]) => Number(key.slice('tab:'.length)));
    return ids.length === 0 ? null : Math.max(...ids);
  }, url);
}

async function bookTitle(frame: Frame): Promise<string> {
  return (await frame.locator('#status-title').textContent({ timeout: 15_000 })) ?? '';
}

/** Moves every cached canon answer `ageMs` into the past, past its freshness, as if time had passed. */
async function ageCachedCanonAnswers(rig: OutboxRig, ageMs: number): Promise<void> {
  const worker = await rig.browser.serviceWorker();
  const aged = await worker.evaluate(async (age) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('bookside');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('cache', 'readwrite');
    const store = tx.objectStore('cache');
    const records = await new Promise<{ kind: string; fetchedAt: number; freshUntil: number }[]>((resolve) => {
      const all = store.getAll();
      all.onsuccess = () => resolve(all.result);
    });
    let count = 0;
    for (const record of records) {
      if (record.kind !== 'canon') continue;
      store.put({ ...record, fetchedAt: record.fetchedAt - age, freshUntil: record.freshUntil - age });
      count++;
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
    return count;
  }, ageMs);
  expect(aged).toBeGreaterThan(0);
}
