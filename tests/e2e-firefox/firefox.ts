/**
 * What the Firefox tests share: the launcher (scripts/firefox-extension-browser,
 * where benchmarks can reach it too), saved pages served under their real
 * addresses, and where to find the sidebar's frame and the tab reports.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Frame, HTTPRequest, Page } from 'puppeteer-core';
import type { FirefoxExtensionBrowser } from '../../scripts/firefox-extension-browser';
import { FIXTURE_PAGES_DIR, waitForTabReport, type TabReport } from '../e2e/pages';

export {
  EXTENSION_UUID,
  FIREFOX_EXTENSION_DIR,
  FIREFOX_PATH,
  launchFirefoxWithExtension,
  type FirefoxExtensionBrowser,
  type FirefoxLaunchOptions,
} from '../../scripts/firefox-extension-browser';

interface ServedPage {
  body: Buffer;
  contentType: string;
}

/**
 * Serves saved pages under their real addresses with request interception
 * on each tab, so content scripts see the real hostname. Everything else
 * not on loopback is aborted (the proxy prefs would refuse it anyway).
 */
export class FirefoxPages {
  private readonly pages = new Map<string, ServedPage>();

  constructor(private readonly ff: FirefoxExtensionBrowser) {}

  async serve(file: string, url: string, charset = 'utf-8'): Promise<void> {
    const body = await readFile(path.join(FIXTURE_PAGES_DIR, file));
    this.pages.set(stripHash(url), { body, contentType: `text/html; charset=${charset}` });
  }

  serveHtml(url: string, html: string): void {
    this.pages.set(stripHash(url), { body: Buffer.from(html), contentType: 'text/html; charset=utf-8' });
  }

  /** A new tab that answers from the served pages. */
  async newTab(): Promise<Page> {
    const page = await this.ff.newTab();
    await page.setViewport({ width: 1280, height: 900 });
    await page.setRequestInterception(true);
    // A request can outlive its tab (closed by the test): answering it then fails harmlessly.
    page.on('request', (request) => void this.answer(request).catch(() => undefined));
    return page;
  }

  /** Opens `url` in a new tab, having served `file` there (or what was served there before). */
  async open(url: string, file?: string): Promise<Page> {
    if (file !== undefined) await this.serve(file, url);
    const page = await this.newTab();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return page;
  }

  private async answer(request: HTTPRequest): Promise<void> {
    const url = new URL(request.url());
    const page = this.pages.get(stripHash(url.href));
    if (page) return request.respond({ status: 200, body: page.body, contentType: page.contentType });
    if (isLoopback(url)) return request.continue();
    return request.abort('internetdisconnected');
  }
}

function stripHash(url: string): string {
  return url.replace(/#.*$/, '');
}

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || !/^https?:$/.test(url.protocol);
}

const isSidebarUrl = (url: string) => url.startsWith('moz-extension://') && url.includes('/sidepanel.html');

/** The sidebar's frame in `page`, once its document has loaded. */
export async function sidebarFrame(ff: FirefoxExtensionBrowser, page: Page, timeoutMs = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = await ff.frameWhere(page, isSidebarUrl);
    const ready = frame && (await frame.evaluate(() => document.readyState !== 'loading').catch(() => false));
    if (frame && ready) return frame;
    if (Date.now() > deadline) throw new Error(`no sidebar frame in ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** How many sidebar frames `page` has, by their real addresses. */
export async function sidebarFrameCount(ff: FirefoxExtensionBrowser, page: Page): Promise<number> {
  let count = 0;
  await ff.frameWhere(page, (url) => {
    if (isSidebarUrl(url)) count++;
    return false;
  });
  return count;
}

/** What a page script sees of the sidebar: whether its host is there and whether it can reach inside. */
export function pageViewOfSidebar(page: Page): Promise<{ hosts: number; shadowRootVisible: boolean; frames: number }> {
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('bookside-sidebar');
    const frames = [...document.querySelectorAll('iframe')].filter((f) => f.src.startsWith('moz-extension:')).length;
    return { hosts: hosts.length, shadowRootVisible: [...hosts].some((host) => host.shadowRoot !== null), frames };
  });
}

/**
 * What the background recorded from the content script's report for the tab
 * showing `url`, read from an extension page (storage.session is the
 * background's and its pages', never a content script's).
 */
export async function tabReportFor(extensionPage: Page, url: string): Promise<TabReport> {
  return extensionPage.evaluate(waitForTabReport, url);
}

/** The same, once the content script reported a book (its first report may be the early "no book" clearing the tab). */
export async function bookReportFor(extensionPage: Page, url: string): Promise<TabReport> {
  return extensionPage.evaluate(waitForTabReport, { url, found: true });
}

/** The `<key>` Firefox made in its window for the add-on's shortcut (ExtensionShortcuts: one keyset per add-on). */
function shortcutKey(ff: FirefoxExtensionBrowser, shortcut: string): string {
  const keyset = `ext-keyset-id-${ff.addonId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}`;
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  const modifiers = parts
    .map((part) => part.toLowerCase())
    .sort()
    .join(',');
  return `[...document.querySelectorAll(${JSON.stringify(`#${keyset} key`)})].find((key) =>
    key.getAttribute('key') === ${JSON.stringify(key)} &&
    (key.getAttribute('modifiers') ?? '').split(',').sort().join(',') === ${JSON.stringify(modifiers)})`;
}

/**
 * Presses the add-on's `commands` shortcut (`Alt+Shift+B`) as real key
 * events in Firefox's own window, with the keyboard in its toolbar (the
 * address bar), where the window's keyset sees it first. WebDriver BiDi
 * cannot do this: its key actions go to a page and are refused in the
 * privileged scope, and Firefox's keyset never hears a page's synthesized
 * keys. Firefox's own TextInputProcessor types into the window instead.
 */
export async function pressShortcutInToolbar(ff: FirefoxExtensionBrowser, shortcut: string): Promise<void> {
  const found = await ff.privileged<boolean>(`(() => {
    if (!(${shortcutKey(ff, shortcut)})) return false;
    gURLBar.focus();
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(window)) throw new Error('no input transaction');
    const codes = { Alt: ['AltLeft', 18], Shift: ['ShiftLeft', 16], Control: ['ControlLeft', 17] };
    const parts = ${JSON.stringify(shortcut.split('+'))};
    const events = parts.map((key) => {
      const [code, keyCode] = codes[key] ?? ['Key' + key.toUpperCase(), key.toUpperCase().charCodeAt(0)];
      return new KeyboardEvent('', { key, code, keyCode });
    });
    for (const event of events) tip.keydown(event);
    for (const event of events.reverse()) tip.keyup(event);
    return true;
  })()`);
  if (!found) throw new Error(`Firefox has no key for ${shortcut}`);
}

/**
 * Runs the add-on's shortcut from Firefox's own `<key>` for it, as the
 * keyset does when the keystroke comes while a page has the keyboard: the
 * key's command event, Firefox's ExtensionShortcuts handler, `commands.
 * onCommand` in the event page, and on from there. (Key events typed into a
 * page, by BiDi or by Firefox's TextInputProcessor, reach the page but never
 * come back to the window's keyset, so the keystroke itself cannot be sent
 * with the page focused.)
 */
export async function runShortcutKey(ff: FirefoxExtensionBrowser, shortcut: string): Promise<void> {
  const found = await ff.privileged<boolean>(`(() => {
    const key = ${shortcutKey(ff, shortcut)};
    key?.doCommand();
    return Boolean(key);
  })()`);
  if (!found) throw new Error(`Firefox has no key for ${shortcut}`);
}

/** An HTTP request Firefox made, to any host, as its network observer saw it. */
export interface ObservedRequest {
  url: string;
  method: string;
  body: string;
  /** The add-on made it (its event page, its pages, its content scripts), not the web page itself. */
  byExtension: boolean;
}

/**
 * Every HTTP request the whole browser makes from now on, the add-on's event
 * page included: WebDriver BiDi's network events and Puppeteer's request
 * interception see only tabs, and an event page is none, so Firefox's own
 * `http-on-modify-request` observer records them in its window. Requests to
 * the hosts in `answer` are redirected to the given loopback address (same
 * path), which answers for them, as a test's own Open Library would.
 */
export async function recordRequests(
  ff: FirefoxExtensionBrowser,
  answer: Record<string, string> = {},
): Promise<{ all(): Promise<ObservedRequest[]> }> {
  await ff.privileged(`(() => {
    if (window.booksideTestRequests) return;
    const log = (window.booksideTestRequests = []);
    const answer = ${JSON.stringify(answer)};
    const { NetUtil } = ChromeUtils.importESModule('resource://gre/modules/NetUtil.sys.mjs');
    const bodyOf = (channel) => {
      try {
        const stream = channel.QueryInterface(Ci.nsIUploadChannel).uploadStream;
        if (!stream) return '';
        const seekable = stream.QueryInterface(Ci.nsISeekableStream);
        seekable.seek(0, 0);
        const text = NetUtil.readInputStreamToString(stream, stream.available(), { charset: 'UTF-8' });
        seekable.seek(0, 0);
        return text;
      } catch {
        return '';
      }
    };
    const byExtension = (loadInfo) =>
      [loadInfo?.triggeringPrincipal, loadInfo?.loadingPrincipal].some((p) => p?.isAddonOrExpandedAddonPrincipal);
    Services.obs.addObserver({
      observe(subject) {
        const channel = subject.QueryInterface(Ci.nsIHttpChannel);
        const url = channel.URI.spec;
        log.push({ url, method: channel.requestMethod, body: bodyOf(channel), byExtension: byExtension(channel.loadInfo) });
        const to = answer[channel.URI.host];
        if (to) channel.redirectTo(Services.io.newURI(to + channel.URI.pathQueryRef));
      },
    }, 'http-on-modify-request');
  })()`);
  return { all: () => ff.privileged<ObservedRequest[]>('window.booksideTestRequests') };
}
