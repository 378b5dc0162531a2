/**
 * Real Chromium with the built extension loaded, for the end-to-end tests
 * (tests/e2e/browser re-exports this) and for benchmarks that must not
 * import tests/.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';

/** Debian's Chromium; the suite never downloads a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The Chrome MV3 build made by `wxt build` (BOOKSIDE_EXTENSION_DIR: a build kept elsewhere). */
export const EXTENSION_DIR =
  process.env.BOOKSIDE_EXTENSION_DIR ?? path.resolve(import.meta.dirname, '../.output/chrome-mv3');

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

const WORKER_WAIT_MS = 15_000;

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** The running service worker, woken if the browser had stopped it. */
  serviceWorker(): Promise<Worker>;
  /**
   * Stops the extension's service worker the way the browser does when it
   * reclaims an idle or busy worker: its JavaScript and in-flight fetches
   * end at once. Resolves when the browser no longer lists it.
   */
  stopServiceWorker(): Promise<void>;
  /** Opens one of the extension's own pages (`popup.html`, `options.html`). */
  openExtensionPage(file: string): Promise<Page>;
  /** Closes the browser; keeps the profile when `keepProfile` is set (restart tests). */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  /** Reuse a profile (a browser restart); a fresh one is made otherwise. */
  userDataDir?: string;
  extensionDir?: string;
  /** Start with the network emulated as down (`navigator.onLine` false), as after a restart while offline. */
  offline?: boolean;
  /**
   * The browser's UI language ("de", "ja"), as a reader's Chromium has it:
   * `--lang` and, since Chromium on Linux reads its UI language from the
   * environment, LANGUAGE as well; pages are asked for it by Accept-Language.
   */
  language?: string;
  /** The browser's time zone (TZ), so dates can be checked to the minute. */
  timeZone?: string;
}

/** Starts Chromium with the built extension loaded in a fresh (or given) profile. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'bookside-profile-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      ...CLOSED_NETWORK_FLAGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.language === undefined ? [] : [`--lang=${options.language}`]),
    ],
    ignoreDefaultArgs: ['--disable-extensions'],
    offline: options.offline ?? false,
    ...(options.language === undefined ? {} : { locale: options.language }),
    env: {
      ...process.env,
      ...(options.language === undefined ? {} : { LANGUAGE: options.language }),
      ...(options.timeZone === undefined ? {} : { TZ: options.timeZone }),
    },
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: WORKER_WAIT_MS }));
  const extensionId = new URL(worker.url()).host;
  const workerUrl = `chrome-extension://${extensionId}/`;
  let control: CDPSession | null = null;

  // A persistent context has no Browser object; a CDP session on any page
  // still reaches the browser's Target domain, which can close the worker.
  async function controlSession(): Promise<CDPSession> {
    if (control === null) control = await context.newCDPSession(await context.newPage());
    return control;
  }

  return {
    context,
    extensionId,
    userDataDir,
    async serviceWorker() {
      const running = context.serviceWorkers().find((w) => w.url().startsWith(workerUrl));
      if (running) return running;
      // Opening an extension page wakes a stopped worker.
      const page = await context.newPage();
      const woken = context.waitForEvent('serviceworker', { timeout: WORKER_WAIT_MS });
      await page.goto(`${workerUrl}options.html`);
      const next = await woken;
      await page.close();
      return next;
    },
    async stopServiceWorker() {
      const session = await controlSession();
      // DevTools' own way: the ServiceWorker domain stops the worker and says
      // when its version has stopped. Stopped means that moment: an open
      // extension page may wake a new worker at once (its reload after a
      // change notice), which is left running, as a browser would.
      type VersionsUpdated = { versions: { scriptURL: string; runningStatus: string }[] };
      let onUpdate: (event: VersionsUpdated) => void = () => undefined;
      const stopped = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the service worker did not stop')), WORKER_WAIT_MS);
        onUpdate = ({ versions }) => {
          const ours = versions.filter((v) => v.scriptURL.startsWith(workerUrl));
          if (ours.some((v) => v.runningStatus === 'stopped')) {
            clearTimeout(timer);
            resolve();
          }
        };
        session.on('ServiceWorker.workerVersionUpdated', onUpdate);
      });
      await session.send('ServiceWorker.enable');
      await session.send('ServiceWorker.stopAllWorkers');
      try {
        await stopped;
      } finally {
        session.off('ServiceWorker.workerVersionUpdated', onUpdate);
        await session.send('ServiceWorker.disable').catch(() => undefined);
      }
    },
    async openExtensionPage(file) {
      const page = await context.newPage();
      await page.goto(`${workerUrl}${file}`);
      return page;
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
