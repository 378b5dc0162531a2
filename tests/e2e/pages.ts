import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export const FIXTURE_PAGES_DIR = path.resolve(import.meta.dirname, '../fixtures/pages');

interface ServedPage {
  body: Buffer;
  contentType: string;
}

/**
 * Serves saved pages under their real addresses (https://www.amazon.com/dp/…)
 * with `context.route`, so content scripts see the real hostname; HSTS makes
 * plain HTTP impossible for several of these sites. Every other request
 * leaving the machine is aborted: the saved pages reference live CDNs.
 */
export class FixtureServer {
  private readonly pages = new Map<string, ServedPage>();

  private constructor(private readonly context: BrowserContext) {}

  static async install(context: BrowserContext): Promise<FixtureServer> {
    const server = new FixtureServer(context);
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const page = server.pages.get(stripHash(url));
      if (page) return route.fulfill({ status: 200, body: page.body, contentType: page.contentType });
      if (isLoopback(url)) return route.fallback();
      return route.abort('internetdisconnected');
    });
    return server;
  }

  /** Registers saved fixture `file` (relative to tests/fixtures/pages) as the response for `url`. */
  async serve(file: string, url: string, charset = 'utf-8'): Promise<void> {
    const body = await readFile(path.join(FIXTURE_PAGES_DIR, file));
    this.pages.set(stripHash(new URL(url)), { body, contentType: `text/html; charset=${charset}` });
  }

  /** Registers literal HTML as the response for `url`. */
  serveHtml(url: string, html: string): void {
    this.pages.set(stripHash(new URL(url)), { body: Buffer.from(html), contentType: 'text/html; charset=utf-8' });
  }

  /** Opens `url` in a new tab, having served `file` there. */
  async open(file: string, url: string, charset?: string): Promise<Page> {
    await this.serve(file, url, charset);
    const page = await this.context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return page;
  }
}

function stripHash(url: URL): string {
  return url.href.replace(/#.*$/, '');
}

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || !/^https?:$/.test(url.protocol);
}

/**
 * The sidebar's frame in `page` (an extension page inside the closed shadow root) once it is shown and has
 * loaded. A site script may frame the sidebar hidden while the page is parsed and take that frame away
 * when detection says "no book" (or quiet mode keeps the tab off), and a frame a page removed lingers
 * until the browser tears it down: only a frame whose element is in the page and visible is the sidebar.
 */
export async function sidebarFrame(page: Page, timeoutMs = 10_000): Promise<import('playwright-core').Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const candidates = page
      .frames()
      .filter(
        (f) => !f.isDetached() && f.url().startsWith('chrome-extension://') && f.url().includes('sidepanel.html'),
      );
    for (const frame of candidates) {
      if (await isShown(frame)) {
        await frame.waitForLoadState('domcontentloaded');
        return frame;
      }
    }
    if (Date.now() > deadline) throw new Error(`no sidebar frame shown in ${page.url()}`);
    await page.waitForTimeout(50);
  }
}

/** Whether the frame's iframe is in the page and not hidden (the early frame's host hides it until shown). */
async function isShown(frame: import('playwright-core').Frame): Promise<boolean> {
  try {
    const element = await frame.frameElement();
    return await element.evaluate(
      (iframe) => iframe.isConnected && getComputedStyle(iframe as Element).visibility !== 'hidden',
    );
  } catch {
    // Detached meanwhile.
    return false;
  }
}

/** What a page script sees of the sidebar: whether its host is there and whether it can reach inside. */
export function pageViewOfSidebar(page: Page): Promise<{ hosts: number; shadowRootVisible: boolean }> {
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('bookside-sidebar');
    return { hosts: hosts.length, shadowRootVisible: [...hosts].some((host) => host.shadowRoot !== null) };
  });
}

export interface TabReport {
  tabId: number;
  book: unknown;
}

/**
 * Runs inside an extension context (the worker, or an extension page in a
 * browser whose worker a test cannot reach): polls the background's
 * `tab:<id>` session entries until one is for `pageUrl`, and with `found`
 * until that one names a book. Self-contained, as both browsers' drivers send
 * its source to the page.
 *
 * A site script that frames the sidebar early (while the page is parsed)
 * first reports "no book" to clear the previous page's: the first report for
 * a book page's address is that one, not detection's, so a test expecting a
 * book waits with `found`.
 */
export async function waitForTabReport(pageUrl: string | { url: string; found: boolean }): Promise<TabReport> {
  const { url, found } = typeof pageUrl === 'string' ? { url: pageUrl, found: false } : pageUrl;
  for (let attempt = 0; attempt < 100; attempt++) {
    const stored: Record<string, { url?: string; book?: unknown }> = await chrome.storage.session.get(null);
    const key = Object.keys(stored).find(
      (k) => k.startsWith('tab:') && stored[k]?.url === url && (!found || (stored[k]?.book ?? null) !== null),
    );
    if (key) return { tabId: Number(key.slice('tab:'.length)), book: stored[key]?.book ?? null };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no tab report${found ? ' of a book' : ''} for ${url}`);
}

/** What the background recorded from the content script's report for the tab showing `url`, once it has. */
export async function tabReportFor(worker: import('playwright-core').Worker, url: string): Promise<TabReport> {
  return worker.evaluate(waitForTabReport, url);
}

/** The content script's report of the book it detected in the tab showing `url`, once it has one. */
export async function bookReportFor(worker: import('playwright-core').Worker, url: string): Promise<TabReport> {
  return worker.evaluate(waitForTabReport, { url, found: true });
}

/** The id of the tab showing `url`, as the background recorded it from the content script's report. */
export async function reportedTabId(worker: import('playwright-core').Worker, url: string): Promise<number> {
  return (await tabReportFor(worker, url)).tabId;
}
