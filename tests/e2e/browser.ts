import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** Debian's Chromium; the suite never downloads a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The Chrome MV3 build made by `wxt build`. */
export const EXTENSION_DIR = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');

// This machine has no network but loopback: the background-networking flags
// stop Chromium from dialling Google at start-up, which would be refused.
const CLOSED_NETWORK_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** The running service worker, woken if the browser had stopped it. */
  serviceWorker(): Promise<Worker>;
  /** Opens one of the extension's own pages (`popup.html`, `options.html`). */
  openExtensionPage(file: string): Promise<Page>;
  /** Closes the browser; keeps the profile when `keepProfile` is set (restart tests). */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  /** Reuse a profile (a browser restart); a fresh one is made otherwise. */
  userDataDir?: string;
  extensionDir?: string;
}

/** Starts Chromium with the built extension loaded in a fresh (or given) profile. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'bookside-profile-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CLOSED_NETWORK_FLAGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    ignoreDefaultArgs: ['--disable-extensions'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;

  return {
    context,
    extensionId,
    userDataDir,
    async serviceWorker() {
      const running = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      if (running) return running;
      // Opening an extension page wakes a stopped worker.
      const page = await context.newPage();
      const woken = context.waitForEvent('serviceworker', { timeout: 15_000 });
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      const next = await woken;
      await page.close();
      return next;
    },
    async openExtensionPage(file) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
