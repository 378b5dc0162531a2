/**
 * Real Firefox (Debian's firefox-esr) with the built Firefox MV3 add-on
 * installed, driven by puppeteer-core over WebDriver BiDi, for the Firefox
 * end-to-end suite (tests/e2e-firefox). The Chromium twin is
 * scripts/extension-browser.ts.
 *
 * Puppeteer's own navigation never settles on moz-extension:// pages and its
 * Frame objects for extension frames keep reporting about:blank, so both go
 * through raw BiDi (`browsingContext.navigate`, `browsingContext.getTree`).
 * `--remote-allow-system-access` opens the browser's privileged scope, where
 * the add-on's event page can be stopped as Firefox stops an idle one.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';

/** Debian's Firefox ESR; the suite never downloads a browser. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The Firefox MV3 build made by `wxt build -b firefox --mv3`. */
export const FIREFOX_EXTENSION_DIR =
  process.env.BOOKSIDE_FIREFOX_EXTENSION_DIR ?? path.resolve(import.meta.dirname, '../.output/firefox-mv3');

/** Fixed so extension pages have a known address (Firefox picks a random one per profile otherwise). */
export const EXTENSION_UUID = '6f1d7c2e-1b7a-4a51-9d40-2f6a6b7c8d9e';

// Nothing may leave the machine: every proxied request goes to a loopback
// port that refuses it (port 9, discard, is closed here), DNS over HTTPS is
// off and nothing is fetched ahead of need. Loopback (the canon server) is
// never proxied.
const CLOSED_NETWORK_PREFS = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': '',
  'network.proxy.allow_hijacking_localhost': false,
  'network.trr.mode': 5,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.http.speculative-parallel-limit': 0,
  'browser.urlbar.speculativeConnect.enabled': false,
  'app.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
};

interface BidiTreeNode {
  context: string;
  url: string;
  children: BidiTreeNode[] | null;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The add-on's gecko id (browser_specific_settings.gecko.id). */
  addonId: string;
  /** `moz-extension://<uuid>/`. */
  origin: string;
  /** A fresh tab. */
  newTab(): Promise<Page>;
  /** Opens one of the add-on's own pages (`popup.html?tab=3`, `options.html`) in a new tab. */
  openExtensionPage(file: string): Promise<Page>;
  /** Navigates `page` or one of its frames by BiDi, waiting for the load to complete. */
  navigate(target: Page | Frame, url: string): Promise<void>;
  /** The frame of `page` whose real address passes `match` (BiDi knows it; Puppeteer may say about:blank). */
  frameWhere(page: Page, match: (url: string) => boolean): Promise<Frame | null>;
  /** Runs `expression` (awaited) in the browser's privileged scope and returns its JSON-serialisable value. */
  privileged<T>(expression: string): Promise<T>;
  /** Stops the add-on's event page as Firefox does when it is idle. */
  terminateBackground(): Promise<void>;
  /** `running`, `stopped`, `starting`…, as the add-on manager sees the event page. */
  backgroundState(): Promise<string>;
  /** Opens the add-on's panel in Firefox's own sidebar (`sidebar_action`), as View ▸ Sidebar does. */
  showSidebarPanel(): Promise<void>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /** The built add-on to install. */
  extensionDir?: string;
  /** More preferences, e.g. `intl.locale.requested` for the UI language (a langpack of it must be installed). */
  prefs?: Record<string, unknown>;
  /** The browser's environment on top of this process's, e.g. `TZ`. */
  env?: Record<string, string>;
}

export async function launchFirefoxWithExtension({
  extensionDir = FIREFOX_EXTENSION_DIR,
  prefs = {},
  env = {},
}: FirefoxLaunchOptions = {}): Promise<FirefoxExtensionBrowser> {
  const manifest = JSON.parse(await readFile(path.join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const addonId = manifest.browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    env: { ...process.env, ...env },
    extraPrefsFirefox: {
      ...CLOSED_NETWORK_PREFS,
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
      ...prefs,
    },
  });
  const origin = `moz-extension://${EXTENSION_UUID}/`;
  // Puppeteer exposes its BiDi connection but does not type it.
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const contextOf = (target: Page | Frame): string =>
    (('mainFrame' in target ? target.mainFrame() : target) as unknown as { _id: string })._id;

  async function privileged<T>(expression: string): Promise<T> {
    const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })).result as {
      contexts: BidiTreeNode[];
    };
    const window = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!window) throw new Error('no browser window in the privileged scope');
    const { result } = (await connection.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (async () => (${expression}))()))()`,
      target: { context: window.context },
      awaitPromise: true,
    })) as { result: { type: string; result?: { value?: string }; exceptionDetails?: { text: string } } };
    if (result.type !== 'success') throw new Error(`privileged: ${result.exceptionDetails?.text ?? 'failed'}`);
    const json = result.result?.value;
    return (json === undefined ? undefined : JSON.parse(json)) as T;
  }

  const extensionObject = `ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs').ExtensionParent.GlobalManager.getExtension(${JSON.stringify(addonId)})`;

  const ff: FirefoxExtensionBrowser = {
    browser,
    addonId,
    origin,
    newTab: () => browser.newPage(),
    async openExtensionPage(file) {
      const page = await browser.newPage();
      await ff.navigate(page, `${origin}${file}`);
      return page;
    },
    async navigate(target, url) {
      await connection.send('browsingContext.navigate', { context: contextOf(target), url, wait: 'complete' });
    },
    async frameWhere(page, match) {
      const tree = (await connection.send('browsingContext.getTree', { root: contextOf(page) })).result as {
        contexts: BidiTreeNode[];
      };
      const ids = new Set<string>();
      const walk = (nodes: BidiTreeNode[] | null) => {
        for (const node of nodes ?? []) {
          if (match(node.url)) ids.add(node.context);
          walk(node.children);
        }
      };
      walk(tree.contexts[0]?.children ?? null);
      return page.frames().find((frame) => ids.has(contextOf(frame))) ?? null;
    },
    privileged,
    async terminateBackground() {
      await privileged(`${extensionObject}.terminateBackground()`);
    },
    backgroundState: () => privileged<string>(`${extensionObject}.backgroundState`),
    async showSidebarPanel() {
      // Firefox names the panel after the add-on id, every character but [a-z0-9_-] turned into `_`.
      const panel = `${addonId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-sidebar-action`;
      const shown = await privileged<string>(
        `SidebarController.show(${JSON.stringify(panel)}).then(() => SidebarController.currentID)`,
      );
      if (shown !== panel) throw new Error(`the sidebar shows ${shown}, not ${panel}`);
    },
    async close() {
      await browser.close();
    },
  };
  // A temporary add-on, as about:debugging loads one; Firefox starts its event page at once.
  await browser.installExtension(extensionDir);
  return ff;
}
