/**
 * `npm run bench:sidebar` — DOMContentLoaded of a book page to the sidebar
 * showing that book, in the real extension in headless Chromium, with the
 * real canon server on loopback.
 *
 * - cold: a fresh browser profile (nothing cached but the shipped canon
 *   snapshot), first visit of the page;
 * - warm: the same page visited again in that profile (answers cached).
 * The sidebar is kept open (as a reader who leaves it open), so "showing the
 * book" means its panels are painted: the sidebar page sets a user-timing
 * mark on the first frame with the book in it. Both times are read as epoch
 * milliseconds (timeOrigin + entry time) in the page and in the sidebar
 * frame, so the figure spans both documents.
 *
 * Needs the e2e build (the npm script makes it). Prints figures; asserts
 * nothing. Options: --cold N (5), --warm N (20), --json FILE.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { loadConfig } from '../server/config';
import { UNLIMITED_RATE_LIMITS } from '../server/limits';
import { startServer } from '../server/start';
import { WE_THINK, weThinkOnAmazon } from './canon-book-page';
import { EXTENSION_DIR, launchWithExtension } from './extension-browser';
import { sendAsExtensionPage, valueOf } from './extension-messages';
import { summarize } from './figures';

/** Where the e2e build sends its requests (`WXT_CANON_URL` in the npm script). */
const CANON_URL = process.env.E2E_CANON_URL ?? 'http://127.0.0.1:18787';
const BOOK_SHOWN_MARK = 'bookside:book-shown';
const MARK_WAIT_MS = 20_000;

const { values: args } = parseArgs({
  options: {
    cold: { type: 'string', default: '5' },
    warm: { type: 'string', default: '20' },
    json: { type: 'string' },
  },
});

async function servePage(context: BrowserContext, html: string): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.split('#')[0] === WE_THINK.url) {
      return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
    }
    // The saved page's CDN assets are not on this machine; fail them fast. The
    // sidebar's own files (chrome-extension://) and the canon server load as usual.
    const external = /^https?:/.test(url) && !url.startsWith('http://127.0.0.1');
    return external ? route.abort('internetdisconnected') : route.fallback();
  });
}

async function sidebarOf(page: Page): Promise<Frame> {
  const deadline = Date.now() + MARK_WAIT_MS;
  for (;;) {
    const frame = page.frames().find((f) => !f.isDetached() && f.url().includes('/sidepanel.html'));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('the sidebar was not framed');
    await page.waitForTimeout(10);
  }
}

/** One visit: milliseconds from the page's DOMContentLoaded to the sidebar's first frame with the book. */
async function visit(page: Page): Promise<number> {
  await page.goto(WE_THINK.url, { waitUntil: 'domcontentloaded' });
  const sidebar = await sidebarOf(page);
  const shownAt = await sidebar.evaluate(
    async ({ mark, waitMs }) => {
      const deadline = performance.now() + waitMs;
      while (performance.getEntriesByName(mark).length === 0) {
        if (performance.now() > deadline) throw new Error('the book never showed');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return performance.timeOrigin + performance.getEntriesByName(mark)[0]!.startTime;
    },
    { mark: BOOK_SHOWN_MARK, waitMs: MARK_WAIT_MS },
  );
  const readyAt = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return performance.timeOrigin + navigation!.domContentLoadedEventStart;
  });
  return shownAt - readyAt;
}

async function main(): Promise<void> {
  const manifest = JSON.parse(await readFile(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    host_permissions?: string[];
  };
  if (!(manifest.host_permissions ?? []).includes(`${CANON_URL}/*`)) {
    throw new Error(`${EXTENSION_DIR} was not built for ${CANON_URL}`);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'bookside-bench-sidebar-'));
  const server = await startServer({
    config: {
      ...loadConfig({}),
      port: Number(new URL(CANON_URL).port),
      publicUrl: CANON_URL,
      databaseUrl: null,
      sqlitePath: path.join(dir, 'canon.sqlite'),
      mailDir: path.join(dir, 'mail'),
      smtpUrl: null,
      rateLimits: UNLIMITED_RATE_LIMITS,
    },
    log: () => {},
  });
  const html = await weThinkOnAmazon();
  const cold: number[] = [];
  const warm: number[] = [];
  try {
    for (let run = 0; run < Number(args.cold); run++) {
      const browser = await launchWithExtension();
      try {
        await servePage(browser.context, html);
        const options = await browser.openExtensionPage('options.html');
        valueOf(await sendAsExtensionPage(options, 'updateSettings', { sidebar: { open: true } }));
        await options.close();
        const page = await browser.context.newPage();
        cold.push(await visit(page));
        // Warm visits share the first profile; one profile's worth is enough.
        if (run === 0) for (let i = 0; i < Number(args.warm); i++) warm.push(await visit(page));
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
  const figures = { cold: summarize(cold), warm: summarize(warm) };
  console.log(
    `sidebar bench: DOMContentLoaded → sidebar showing the book; headless Chromium, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`,
  );
  console.log(
    `cold (fresh profile, ${cold.length} runs): median ${figures.cold.median.toFixed(0)} ms, p95 ${figures.cold.p95.toFixed(0)} ms`,
  );
  console.log(
    `warm (cached, ${warm.length} runs): median ${figures.warm.median.toFixed(0)} ms, p95 ${figures.warm.p95.toFixed(0)} ms`,
  );
  if (args.json) await writeFile(args.json, JSON.stringify(figures, null, 2));
}

await main();
