/**
 * What a hostile book page can learn about Bookside and its reader. The page
 * hooks `attachShadow` and records every DOM mutation from its first script
 * on; the reader has a confirmed identity and posts a comment from the
 * sidebar while the page watches. The page must get `null` for the sidebar
 * host's shadow root, capture no shadow root, and never see the reader's
 * e-mail address, secret, or any extension URL in its DOM.
 *
 * What content scripts receive is checked at its sources, because a content
 * script has only three: messages the background sends to tabs (a spy wraps
 * `tabs.sendMessage` and `tabs.connect` in the service worker), replies to its
 * own messages (the test sends `reportPageBook` and `getPageBookView` from
 * the content script's own isolated world, as the content script does, and
 * inspects the replies), and `storage.local` (read from the same world).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonServerHandle } from '../server/harness';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { startE2eCanonServer } from './canon';
import { contentScriptWorld } from './content-script-world';
import { sendAsExtensionPage, valueOf } from './messages';
import { FixtureServer, pageViewOfSidebar, sidebarFrame } from './pages';

const READER = { name: 'Ada Isolation-Reader', email: 'ada.isolation@example.org' };
const WE_THINK_ISBN = '9781861978370';
const PAGE_URL = 'https://openlibrary.org/books/OL23184560M/We-Think';

// The page's first script, before any content script: it keeps every shadow
// root attached anywhere and every node and attribute ever added.
const SPY_SCRIPT = `
window.capturedRoots = [];
window.seen = [];
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  const root = attach.call(this, { ...init, mode: 'open' });
  window.capturedRoots.push(root);
  return root;
};
new MutationObserver((records) => {
  for (const r of records) {
    if (r.type === 'attributes') window.seen.push(r.attributeName + '=' + r.target.getAttribute(r.attributeName));
    for (const node of r.addedNodes) window.seen.push(node.nodeType === 1 ? node.outerHTML : node.textContent);
  }
}).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
`;

const PAGE_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>We-Think</title><script>${SPY_SCRIPT}</script></head><body>
<h1 class="work-title">We-Think</h1><h2 class="edition-byline">by <a itemprop="author">Charles Leadbeater</a></h2>
<div class="edition-identifiers"><dl><dt>ISBN 13</dt><dd itemprop="isbn">${WE_THINK_ISBN}</dd></dl></div></body></html>`;

/** Runs in the page: everything its scripts can read of the document, open shadow roots included. */
function pageVisibleText(): string {
  const parts: string[] = [
    document.documentElement.outerHTML,
    document.cookie,
    location.href,
    JSON.stringify(localStorage),
    JSON.stringify(sessionStorage),
  ];
  // Resource timing would name the frame's address if the browser reported it to the page.
  parts.push(...performance.getEntries().map((entry) => entry.name));
  const visit = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.attributes) parts.push(attr.value);
      if (el.shadowRoot) {
        parts.push(el.shadowRoot.innerHTML);
        visit(el.shadowRoot);
      }
    }
  };
  visit(document);
  const scope = window as unknown as { seen: string[]; capturedRoots: ShadowRoot[] };
  parts.push(...scope.seen, ...scope.capturedRoots.map((root) => root.innerHTML));
  return parts.join('\n');
}

describe('what a page and a content script can learn', () => {
  let canon: CanonServerHandle;
  let browser: ExtensionBrowser;
  let options: Page;
  let secret: string;

  beforeAll(async () => {
    canon = await startE2eCanonServer();
    browser = await launchWithExtension();
    const pages = await FixtureServer.install(browser.context);
    pages.serveHtml(PAGE_URL, PAGE_HTML);
    options = await browser.openExtensionPage('options.html');
    valueOf(await sendAsExtensionPage(options, 'registerIdentity', READER));
    expect((await fetch((await canon.nextMail(READER.email)).link ?? '')).status).toBe(200);
    expect(valueOf(await sendAsExtensionPage(options, 'getIdentity', { recheck: true }))?.confirmed).toBe(true);
    const worker = await browser.serviceWorker();
    secret = await worker.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('bookside');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('identities').objectStore('identities').getAll();
            all.onsuccess = () => resolve((all.result as { secret: string }[])[0]?.secret ?? '');
          };
        }),
    );
    expect(secret.length).toBeGreaterThan(16);
  });
  afterAll(async () => {
    await browser?.close();
    await canon?.stop();
  });

  it('keeps the sidebar closed to the page and the reader’s data out of its DOM', async () => {
    const worker = await browser.serviceWorker();
    // Spy on everything the background could send to content scripts.
    await worker.evaluate(() => {
      const sent: string[] = [];
      (globalThis as unknown as { sentToTabs: string[] }).sentToTabs = sent;
      const tabs = chrome.tabs as unknown as Record<string, (...args: unknown[]) => unknown>;
      for (const method of ['sendMessage', 'connect']) {
        const original = tabs[method]!.bind(chrome.tabs);
        tabs[method] = (...args: unknown[]) => {
          sent.push(`${method}: ${JSON.stringify(args)}`);
          return original(...args);
        };
      }
    });

    const page = await browser.context.newPage();
    await page.goto(PAGE_URL, { waitUntil: 'domcontentloaded' });
    const sidebar = await sidebarFrame(page);
    await sidebar.getByRole('button', { name: /open/i }).click();
    // The reader's identity is at work inside the frame: a comment posted under it.
    const body = 'Written where the page cannot read it';
    await sidebar.getByLabel('Your comment').fill(body);
    await sidebar.getByRole('button', { name: 'Post comment' }).click();
    await sidebar.getByRole('listitem').filter({ hasText: body }).waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await canon.server.deps.db.selectFrom('comments').select('body').execute()).map((c) => c.body))
      .toContain(body);

    expect(await pageViewOfSidebar(page)).toEqual({ hosts: 1, shadowRootVisible: false });
    expect(await page.evaluate(() => (window as unknown as { capturedRoots: unknown[] }).capturedRoots.length)).toBe(0);
    const visible = await page.evaluate(pageVisibleText);
    // The page's own content is there, so the reading worked.
    expect(visible).toContain(WE_THINK_ISBN);
    expect(visible).not.toContain(READER.email);
    expect(visible).not.toContain(secret);
    expect(visible).not.toMatch(/chrome-extension:|moz-extension:/);
    expect(visible).not.toContain(browser.extensionId);
    expect(visible).not.toContain(body);

    const sentToTabs = await worker.evaluate(() => (globalThis as unknown as { sentToTabs: string[] }).sentToTabs);
    console.log(
      `isolation: page DOM and mutation log ${visible.length} characters; messages sent to tabs: ${sentToTabs.length}`,
    );
    for (const message of sentToTabs) {
      expect(message).not.toContain(READER.email);
      expect(message).not.toContain(secret);
    }
    // The spy does see a message to a tab: one the test sends itself.
    await worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      await chrome.tabs.sendMessage(tab?.id ?? -1, { probe: true }).catch(() => undefined);
    }, PAGE_URL);
    expect(await worker.evaluate(() => (globalThis as unknown as { sentToTabs: string[] }).sentToTabs)).toHaveLength(
      sentToTabs.length + 1,
    );
    await page.close();
  });

  it('gives a content script public book data only', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGE_URL, { waitUntil: 'domcontentloaded' });
    await sidebarFrame(page);
    const world = await contentScriptWorld(page, browser.extensionId);
    const send = (type: string, data: unknown) =>
      world.evaluate<{ res?: { ok: boolean; value?: unknown; error?: { code: string } } }>(
        `chrome.runtime.sendMessage({ id: 1, type: ${JSON.stringify(type)}, data: ${JSON.stringify(data) ?? 'undefined'}, timestamp: Date.now() })`,
      );

    const view = await send('getPageBookView', undefined);
    expect(view.res?.ok).toBe(true);
    const value = view.res?.value as { book: { isbn13: string[] } } & Record<string, unknown>;
    expect(value.book.isbn13).toEqual([WE_THINK_ISBN]);
    // Nothing beyond the public view: no reader state, pending writes, identity or tab.
    expect(Object.keys(value).sort()).toEqual(['book', 'canon', 'chapters']);
    const report = await send('reportPageBook', value.book);
    expect(report.res).toEqual({ ok: true, value: null });
    // Messages for extension pages are refused to the content script.
    const refused = await Promise.all(
      ['getIdentity', 'exportData', 'getTabBook', 'listOutbox'].map((type) =>
        send(type, type === 'getTabBook' ? { tabId: 0 } : undefined),
      ),
    );
    for (const reply of refused) expect(reply.res?.error?.code).toBe('forbidden-sender');
    const local = await world.evaluate<unknown>('chrome.storage.local.get(null)');
    const session = await world.evaluate<string>(
      'chrome.storage.session.get(null).then(() => "readable", (error) => "refused: " + error.message)',
    );

    const received = JSON.stringify([view, report, refused, local]);
    console.log(`content script: ${received.length} characters received; storage.session ${session.slice(0, 40)}`);
    expect(received).not.toContain(READER.email);
    expect(received).not.toContain(secret);
    expect(received).not.toContain(READER.name);
    expect(session).toMatch(/^refused/);
    expect(world.errors).toEqual([]);
    await world.detach();
    await page.close();
  });
});
