/**
 * Screenshots of the extension as a reader sees it: the sidebar beside the
 * saved We-Think page on Amazon, the popup and the options page, in light and
 * dark, at 360 px and at 200% zoom, for each language asked for. Real
 * Chromium, the built extension, the real canon server (a fresh SQLite
 * database). Writes docs/screenshots/extension/<surface>-<lang>-<theme>-<size>.png.
 *
 *   npm run screenshots                  # English and Japanese
 *   npm run screenshots -- --lang=de     # one language
 */
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { loadConfig } from '../server/config';
import { UNLIMITED_RATE_LIMITS } from '../server/limits';
import { startServer } from '../server/start';
import { WE_THINK, weThinkOnAmazon } from './canon-book-page';
import { launchWithExtension } from './extension-browser';
import { sendAsExtensionPage, valueOf } from './extension-messages';

const OUT = fileURLToPath(new URL('../docs/screenshots/extension/', import.meta.url));
const LOCALES = fileURLToPath(new URL('../locales/', import.meta.url));
const CANON_URL = process.env.E2E_CANON_URL ?? 'http://127.0.0.1:18787';
const WAIT_MS = 20_000;

/** 360 px: a narrow window. 200%: a 1280 × 900 window at 200% zoom, 640 × 450 CSS pixels of 2 device pixels. */
const SIZES = {
  '360': { viewport: { width: 360, height: 800 }, deviceScaleFactor: 1 },
  zoom200: { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 },
} as const;

const { values: args } = parseArgs({ options: { lang: { type: 'string', multiple: true } } });
const languages = args.lang ?? ['en', 'ja'];

async function servePage(context: BrowserContext, html: string): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.split('#')[0] === WE_THINK.url) {
      return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
    }
    // The saved page's CDN assets are not on this machine; fail them fast.
    const external = /^https?:/.test(url) && !url.startsWith('http://127.0.0.1');
    return external ? route.abort('internetdisconnected') : route.fallback();
  });
}

/** The sidebar's frame once it shows the book. */
async function openSidebar(page: Page) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/sidepanel.html'));
    if (frame) {
      await frame.locator('h2').first().waitFor({ timeout: WAIT_MS });
      return frame;
    }
    if (Date.now() > deadline) throw new Error('the sidebar did not appear');
    await page.waitForTimeout(100);
  }
}

async function shoot(lang: string, html: string): Promise<string[]> {
  const written: string[] = [];
  for (const [size, display] of Object.entries(SIZES)) {
    const browser = await launchWithExtension({ language: lang, ...display });
    try {
      await servePage(browser.context, html);
      const options = await browser.openExtensionPage('options.html');
      valueOf(await sendAsExtensionPage(options, 'updateSettings', { sidebar: { open: true } }));
      const page = await browser.context.newPage();
      await page.goto(WE_THINK.url, { waitUntil: 'domcontentloaded' });
      await openSidebar(page);
      const worker = await browser.serviceWorker();
      // The tab as the background recorded it from the content script's report (`tab:<id>` session entries).
      const tabId = await worker.evaluate(async (url) => {
        const stored: Record<string, { url?: string }> = await chrome.storage.session.get(null);
        const key = Object.keys(stored).find((k) => k.startsWith('tab:') && stored[k]?.url === url);
        return key === undefined ? null : Number(key.slice('tab:'.length));
      }, WE_THINK.url);
      if (tabId === null) throw new Error('the book page has no tab');
      const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
      for (const theme of ['light', 'dark'] as const) {
        for (const [surface, target] of [
          ['sidebar', page],
          ['popup', popup],
          ['options', options],
        ] as const) {
          await target.emulateMedia({ colorScheme: theme });
          if (surface === 'sidebar') await openSidebar(page);
          else await target.locator('h1').first().waitFor({ timeout: WAIT_MS });
          const file = path.join(OUT, `${surface}-${lang}-${theme}-${size}.png`);
          await target.screenshot({ path: file, fullPage: surface !== 'sidebar' });
          written.push(file);
        }
      }
    } finally {
      await browser.close();
    }
  }
  return written;
}

mkdirSync(OUT, { recursive: true });
const dir = await mkdtemp(path.join(tmpdir(), 'bookside-screenshots-'));
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
try {
  const html = await weThinkOnAmazon();
  for (const lang of languages) {
    if (!existsSync(path.join(LOCALES, `${lang}.yml`))) {
      console.log(`${lang}: skipped — there is no locales/${lang}.yml yet, so the extension cannot speak it.`);
      continue;
    }
    for (const file of await shoot(lang, html)) console.log(path.relative(process.cwd(), file));
  }
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
