/**
 * A hostile book page forges 10,000 messages imitating every message type of
 * the extension's protocol through every channel a page has: `postMessage`
 * to itself and into the sidebar's frame, `MessageEvent`s with a forged
 * extension origin, custom events on the window, the document and the
 * sidebar's host, and DOM attributes. None of it may reach the background:
 * no outbox row, no write on the canon server, no setting changed, and no
 * uncaught error in the content script.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTATION_DEBOUNCE_MS } from '../../lib/content/page-agent';
import type { CanonServerHandle } from '../server/harness';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { startE2eCanonServer } from './canon';
import { contentScriptWorld, type ContentScriptWorld } from './content-script-world';
import { forgedMessages, type ForgedMessage } from './forged-messages';
import { sendAsExtensionPage, valueOf } from './messages';
import { expectHolds } from './holds';
import { FixtureServer, sidebarFrame } from './pages';

const MESSAGE_COUNT = 10_000;
const WE_THINK_PAGE = 'https://openlibrary.org/books/OL23184560M/We-Think';
const WE_THINK_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>We-Think</title></head><body>
<h1 class="work-title">We-Think</h1><h2 class="edition-byline">by <a itemprop="author">Charles Leadbeater</a></h2>
<div class="edition-identifiers"><dl><dt>ISBN 13</dt><dd itemprop="isbn">9781861978370</dd></dl></div></body></html>`;

/** Runs in the page: sends every message through the channel its position picks, yielding now and then. */
async function spoof(messages: ForgedMessage[]): Promise<number> {
  const host = document.querySelector('bookside-sidebar');
  const origin = 'chrome-extension://' + 'a'.repeat(32);
  const channels: ((m: ForgedMessage) => void)[] = [
    (m) => window.postMessage(m.message, '*'),
    // Into every frame the page can reach, the sidebar's included.
    (m) => {
      for (let i = 0; i < window.length; i++) window[i]?.postMessage(m.message, '*');
    },
    (m) => window.dispatchEvent(new MessageEvent('message', { data: m.message, origin, source: window })),
    (m) => window.dispatchEvent(new CustomEvent(m.name, { detail: m.message })),
    (m) => document.dispatchEvent(new CustomEvent(m.name, { detail: JSON.stringify(m.message), bubbles: true })),
    (m) => host?.dispatchEvent(new CustomEvent(m.name, { detail: m.message, bubbles: true, composed: true })),
    (m) => {
      const json = JSON.stringify(m.message) ?? 'null';
      document.documentElement.setAttribute('data-bookside-message', json);
      document.body.dataset.booksideType = m.name;
      host?.setAttribute('data-message', json);
      host?.setAttribute(`data-${m.name.replace(/[^a-z0-9-]/gi, '-').toLowerCase() || 'x'}`, json);
    },
    (m) =>
      window.dispatchEvent(
        new CustomEvent('wxt:locationchange', {
          detail: { newUrl: new URL('https://mallory.test/'), message: m.message },
        }),
      ),
  ];
  let sent = 0;
  for (const [i, m] of messages.entries()) {
    channels[i % channels.length]?.(m);
    sent++;
    if (i % 250 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return sent;
}

describe('a page that forges extension messages', () => {
  let canon: CanonServerHandle;
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    canon = await startE2eCanonServer();
    browser = await launchWithExtension();
    const pages = await FixtureServer.install(browser.context);
    pages.serveHtml(WE_THINK_PAGE, WE_THINK_HTML);
    options = await browser.openExtensionPage('options.html');
    // A confirmed identity, so a forged write that got through would reach the server at once.
    valueOf(await sendAsExtensionPage(options, 'registerIdentity', { name: 'Ada Reader', email: 'ada@example.org' }));
    expect((await fetch((await canon.nextMail('ada@example.org')).link ?? '')).status).toBe(200);
    valueOf(await sendAsExtensionPage(options, 'getIdentity', { recheck: true }));
  });
  afterAll(async () => {
    await browser?.close();
    await canon?.stop();
  });

  /** Rows in every table a write can add to, on the server. */
  async function serverRows(): Promise<Record<string, number>> {
    const tables = [
      'identities',
      'confirmation_tokens',
      'comments',
      'comment_flags',
      'ratings',
      'tags',
      'review_links',
      'nominations',
      'nomination_supporters',
      'idempotency_keys',
    ] as const;
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const row = await canon.server.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    return counts;
  }

  async function extensionState() {
    const worker = await browser.serviceWorker();
    const stored = await worker.evaluate(async () =>
      JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]),
    );
    return {
      stored,
      settings: valueOf(await sendAsExtensionPage(options, 'getSettings', undefined)),
      identity: valueOf(await sendAsExtensionPage(options, 'getIdentity', undefined)),
      outbox: valueOf(await sendAsExtensionPage(options, 'listOutbox', undefined)),
    };
  }

  async function openBookPage(): Promise<{ page: Page; world: ContentScriptWorld; pageErrors: string[] }> {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(WE_THINK_PAGE, { waitUntil: 'domcontentloaded' });
    await (await sidebarFrame(page)).getByRole('button', { name: /open/i }).waitFor();
    return { page, world: await contentScriptWorld(page, browser.extensionId), pageErrors };
  }

  it('sees an error thrown in the content script’s world, and that world is the content script’s', async () => {
    const { page, world } = await openBookPage();
    const reply = await world.evaluate<{ res?: { ok: boolean; value: { book: { isbn13: string[] } } | null } }>(
      `chrome.runtime.sendMessage({ id: 1, type: 'getPageBookView', data: undefined, timestamp: Date.now() })`,
    );
    // Only a content script of this tab is answered with the book the tab reported.
    expect(reply.res?.ok && reply.res.value?.book.isbn13).toEqual(['9781861978370']);
    await world.evaluate(
      `setTimeout(() => { throw new Error('probe-thrown') }); Promise.reject(new Error('probe-rejected')); console.error('probe-logged'); 0`,
    );
    await expect
      .poll(() => world.errors.join('\n'))
      .toMatch(/probe-thrown[\s\S]*probe-rejected|probe-rejected[\s\S]*probe-thrown/);
    await expect
      .poll(() => world.errors.some((e) => e.startsWith('console.error (content script): probe-logged')))
      .toBe(true);
    await world.detach();
    await page.close();
  });

  it(`ignores ${MESSAGE_COUNT.toLocaleString('en')} forged messages`, { timeout: 240_000 }, async () => {
    const { page, world, pageErrors } = await openBookPage();
    const worker = await browser.serviceWorker();
    await worker.evaluate((changeFeedKey) => {
      const scope = globalThis as unknown as { storageChanges: string[] };
      scope.storageChanges = [];
      chrome.storage.onChanged.addListener((changes, area) => {
        if (area === 'session' && !(changeFeedKey in changes)) return; // tab reports, not settings or writes
        scope.storageChanges.push(`${area}: ${Object.keys(changes).join(', ')}`);
      });
    }, 'change-feed');
    const before = { server: await serverRows(), extension: await extensionState() };

    const messages = forgedMessages(MESSAGE_COUNT);
    const sent = await page.evaluate(spoof, messages);
    expect(sent).toBe(MESSAGE_COUNT);
    // Attribute changes re-run detection after the page agent's debounce: through that time and
    // well after it, the server and the extension's state stay as they were.
    await expectHolds(
      async () => {
        expect(await serverRows()).toEqual(before.server);
        expect(await extensionState()).toEqual(before.extension);
      },
      { forMs: MUTATION_DEBOUNCE_MS * 3, everyMs: 200 },
    );
    const after = { server: await serverRows(), extension: await extensionState() };
    const storageChanges = await worker.evaluate(
      () => (globalThis as unknown as { storageChanges: string[] }).storageChanges,
    );
    console.log(
      `spoofing: ${sent} forged messages sent; outbox rows ${after.extension.outbox.length}, storage changes ${storageChanges.length}, ` +
        `content-script errors ${world.errors.length + pageErrors.length}`,
    );
    expect(after.extension.outbox).toEqual([]);
    expect(after.server).toEqual(before.server);
    expect(after.extension).toEqual(before.extension);
    expect(storageChanges).toEqual([]);
    expect(world.errors).toEqual([]);
    expect(pageErrors).toEqual([]);
    // The sidebar is still there, in its place.
    expect(await page.evaluate(() => document.querySelectorAll('bookside-sidebar').length)).toBe(1);

    // The same counters do see a real write: the reader's own comment, from the sidebar's side.
    valueOf(await sendAsExtensionPage(options, 'postComment', { bookId: 'we-think', body: 'A real comment' }));
    await expect.poll(async () => (await serverRows()).comments, { timeout: 20_000 }).toBe(before.server.comments! + 1);
    expect(
      (await worker.evaluate(() => (globalThis as unknown as { storageChanges: string[] }).storageChanges)).length,
    ).toBeGreaterThan(0);
    await world.detach();
    await page.close();
  });
});
