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
 * The floor, in the same run: an empty extension page (a heading and a
 * one-line module that marks its first frame) framed the same way (the same
 * closed shadow root and dynamic URL, from a content script at
 * document_end) into the same saved page, served from the probe's own host
 * (modules/bench-probe.ts; built only with BOOKSIDE_BENCH_PROBE=1). Cold and
 * warm visits alternate with the sidebar's, so both see the same machine.
 * The headline is the ratio of the sidebar's median to the floor's.
 *
 * The sidebar may be framed hidden before detection (lib/content/early-frame):
 * the book counts as shown at the later of the sidebar's mark and the
 * content script's mark when it made the frame visible.
 *
 * Needs the e2e build with the probe (the npm script makes it). Prints
 * figures; asserts nothing. Options: --cold N (5), --warm N (20), --json FILE.
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
import { fixtureHtml, loadManifest } from './fixture-manifest';

/** Where the e2e build sends its requests (`WXT_CANON_URL` in the npm script). */
const CANON_URL = process.env.E2E_CANON_URL ?? 'http://127.0.0.1:18787';
const BOOK_SHOWN_MARK = 'bookside:book-shown';
/** Set in the host page by the content script when it makes the sidebar visible (lib/content/sidebar-frame). */
const FRAME_SHOWN_MARK = 'bookside:frame-shown';
const PROBE_SHOWN_MARK = 'bookside:probe-shown';
/** The same saved page, on the probe's host (modules/bench-probe.ts). */
const PROBE_URL = `https://bookside-probe.test${new URL(WE_THINK.url).pathname}`;
/** A book the canon does not know (a real saved page), and a saved Open Library edition to answer for it. */
const NOT_IN_CANON = {
  file: 'amazon/com-designing-connected-content.html',
  url: 'https://www.amazon.com/Designing-Connected-Content-Products-Tomorrow/dp/0134763386',
};
const OPEN_LIBRARY_EDITION = path.resolve(
  import.meta.dirname,
  '../tests/fixtures/openlibrary/edition-OL22853304M-slow-reading-toc.json',
);
const MARK_WAIT_MS = 20_000;
/** A saved page on a machine other work keeps busy may take many seconds to parse. */
const GOTO_TIMEOUT_MS = 90_000;

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
    if (url.split('#')[0] === WE_THINK.url || url.split('#')[0] === PROBE_URL) {
      return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
    }
    // The saved page's CDN assets are not on this machine; fail them fast. The
    // sidebar's own files (chrome-extension://) and the canon server load as usual.
    const external = /^https?:/.test(url) && !url.startsWith('http://127.0.0.1');
    return external ? route.abort('internetdisconnected') : route.fallback();
  });
}

async function framedPage(page: Page, file: string): Promise<Frame> {
  const deadline = Date.now() + MARK_WAIT_MS;
  for (;;) {
    const frame = page.frames().find((f) => !f.isDetached() && f.url().includes(file));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`${file} was not framed`);
    await page.waitForTimeout(10);
  }
}

/** The epoch time of a user-timing mark in this document, waiting for it; `null` for `optional` marks never set. */
function markTime(
  target: Page | Frame,
  mark: string,
  { optional = false, waitMs = MARK_WAIT_MS } = {},
): Promise<number | null> {
  return target.evaluate(
    async ({ mark, waitMs, optional }) => {
      const deadline = performance.now() + waitMs;
      while (performance.getEntriesByName(mark).length === 0) {
        if (performance.now() > deadline) {
          if (optional) return null;
          throw new Error(`no ${mark}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return performance.timeOrigin + performance.getEntriesByName(mark)[0]!.startTime;
    },
    { mark, waitMs, optional },
  );
}

async function domContentLoadedAt(page: Page): Promise<number> {
  return page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return performance.timeOrigin + navigation!.domContentLoadedEventStart;
  });
}

/** One visit: milliseconds from the page's DOMContentLoaded to the sidebar's first frame with the book, visible. */
async function visit(page: Page): Promise<number> {
  await page.goto(WE_THINK.url, { waitUntil: 'domcontentloaded', timeout: GOTO_TIMEOUT_MS });
  const sidebar = await framedPage(page, '/sidepanel.html');
  const painted = (await markTime(sidebar, BOOK_SHOWN_MARK))!;
  // A build that frames only once the book is known sets no such mark: the frame is visible from the start.
  const visible = await markTime(page, FRAME_SHOWN_MARK, { optional: true, waitMs: 0 });
  return Math.max(painted, visible ?? 0) - (await domContentLoadedAt(page));
}

/** One visit of the floor: milliseconds from the same page's DOMContentLoaded to the empty frame's first frame. */
async function visitFloor(page: Page): Promise<number> {
  await page.goto(PROBE_URL, { waitUntil: 'domcontentloaded', timeout: GOTO_TIMEOUT_MS });
  const probe = await framedPage(page, '/bench/probe.html');
  return (await markTime(probe, PROBE_SHOWN_MARK))! - (await domContentLoadedAt(page));
}

/**
 * A book the canon does not know, with the sidebar open: a first visit (its chapters asked of Open Library,
 * answered here from a saved record), then a warm one. Returns the requests the extension made to any
 * http(s) host during the warm visit: the local canon index decides, and everything else is cached.
 */
async function nonCanonWarmRequests(context: BrowserContext, extensionId: string): Promise<string[]> {
  const html = fixtureHtml(loadManifest().find((entry) => entry.file === NOT_IN_CANON.file)!);
  const edition = await readFile(OPEN_LIBRARY_EDITION, 'utf8');
  // Registered last, so asked first (Playwright runs the latest route first).
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.split('#')[0] === NOT_IN_CANON.url) {
      return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
    }
    if (url.startsWith('https://openlibrary.org/')) {
      return route.fulfill({ body: edition, contentType: 'application/json' });
    }
    return route.fallback();
  });
  const page = await context.newPage();
  const look = async () => {
    await page.goto(NOT_IN_CANON.url, { waitUntil: 'domcontentloaded', timeout: GOTO_TIMEOUT_MS });
    const sidebar = await framedPage(page, '/sidepanel.html');
    await sidebar
      .getByText(/Open Library/)
      .first()
      .waitFor({ timeout: MARK_WAIT_MS });
  };
  await look();
  const sent: string[] = [];
  const record = (request: { url(): string; frame(): Frame | null }) => {
    let byExtension: boolean;
    try {
      // A request of the service worker has no frame; a page's own has the page's.
      byExtension = request.frame()?.url().startsWith(`chrome-extension://${extensionId}/`) ?? true;
    } catch {
      byExtension = true;
    }
    if (byExtension && /^https?:/.test(request.url())) sent.push(request.url());
  };
  context.on('request', record);
  await look();
  context.off('request', record);
  await page.close();
  return sent;
}

async function main(): Promise<void> {
  const manifest = JSON.parse(await readFile(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    host_permissions?: string[];
  };
  if (!(manifest.host_permissions ?? []).includes(`${CANON_URL}/*`)) {
    throw new Error(`${EXTENSION_DIR} was not built for ${CANON_URL}`);
  }
  if (!JSON.stringify(manifest).includes('bench/probe.html')) {
    throw new Error(`${EXTENSION_DIR} has no framing floor: build it with BOOKSIDE_BENCH_PROBE=1`);
  }
  const loadAtStart = loadavg()[0]!;
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
  const floorCold: number[] = [];
  const floorWarm: number[] = [];
  let nonCanonWarm: string[] | null = null;
  try {
    for (let run = 0; run < Number(args.cold); run++) {
      // Each cold figure is a fresh profile's first framing: the floor gets a browser of its own.
      const floorBrowser = await launchWithExtension();
      try {
        await servePage(floorBrowser.context, html);
        floorCold.push(await visitFloor(await floorBrowser.context.newPage()));
      } finally {
        await floorBrowser.close();
      }
      const browser = await launchWithExtension();
      try {
        await servePage(browser.context, html);
        const options = await browser.openExtensionPage('options.html');
        valueOf(await sendAsExtensionPage(options, 'updateSettings', { sidebar: { open: true } }));
        await options.close();
        const page = await browser.context.newPage();
        cold.push(await visit(page));
        // Warm visits share the first profile; one profile's worth is enough. The floor's alternate with them.
        if (run === 0) {
          const floorPage = await browser.context.newPage();
          await visitFloor(floorPage);
          for (let i = 0; i < Number(args.warm); i++) {
            await page.bringToFront();
            warm.push(await visit(page));
            await floorPage.bringToFront();
            floorWarm.push(await visitFloor(floorPage));
          }
          nonCanonWarm = await nonCanonWarmRequests(browser.context, browser.extensionId);
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
  const loadAtEnd = loadavg()[0]!;
  const figures = {
    cold: summarize(cold),
    warm: summarize(warm),
    floor: { cold: summarize(floorCold), warm: summarize(floorWarm) },
    ratio: { cold: 0, warm: 0 },
    load: { start: loadAtStart, end: loadAtEnd },
    nonCanonWarmRequests: nonCanonWarm,
  };
  figures.ratio = {
    cold: figures.cold.median / figures.floor.cold.median,
    warm: figures.warm.median / figures.floor.warm.median,
  };
  console.log(
    `sidebar bench: DOMContentLoaded → sidebar showing the book, against an empty page framed the same way; headless Chromium, ${cpus().length} cores, load average ${loadAtStart.toFixed(2)} at the start, ${loadAtEnd.toFixed(2)} at the end`,
  );
  for (const kind of ['warm', 'cold'] as const) {
    const label = kind === 'warm' ? 'warm (cached)' : 'cold (fresh profile)';
    const [book, floor] = [figures[kind], figures.floor[kind]];
    console.log(
      `${label}: sidebar median ${book.median.toFixed(0)} ms, p95 ${book.p95.toFixed(0)} ms (${book.runs} runs); ` +
        `empty frame median ${floor.median.toFixed(0)} ms, p95 ${floor.p95.toFixed(0)} ms (${floor.runs} runs); ` +
        `ratio of medians ${figures.ratio[kind].toFixed(2)}, of p95s ${(book.p95 / floor.p95).toFixed(2)}`,
    );
  }
  if (nonCanonWarm !== null) {
    console.log(
      `a book the canon does not know, warm, sidebar open: ${nonCanonWarm.length} network requests from the extension` +
        (nonCanonWarm.length === 0 ? '' : ` (${nonCanonWarm.join(', ')})`),
    );
  }
  if (args.json) await writeFile(args.json, JSON.stringify(figures, null, 2));
}

await main();
