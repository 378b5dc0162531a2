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
