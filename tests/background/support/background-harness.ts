/**
 * A background built as the worker builds it, over fake-indexeddb, WXT's
 * fakeBrowser and a fetch supplied by the test (a fake at the edge, or the
 * real one against the real canon server).
 */
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundContext } from '../../../lib/background/core/context';
import { createBackground } from '../../../lib/background/worker';
import type { FetchLike } from '../../../lib/background/core/context';

export const EXTENSION_ID = fakeBrowser.runtime.id;
export const EXTENSION_ROOT = fakeBrowser.runtime.getURL('/');

export const senders = {
  contentScript: {
    id: EXTENSION_ID,
    url: 'https://www.amazon.com/dp/0134763386',
    tab: { id: 7, url: 'https://www.amazon.com/dp/0134763386' },
    frameId: 0,
  },
  /** The sidebar: an extension page framed in a web page's tab. */
  sidebarFrame: {
    id: EXTENSION_ID,
    url: `${EXTENSION_ROOT}sidepanel.html`,
    tab: { id: 7, url: 'https://www.amazon.com/dp/0134763386' },
    frameId: 3,
  },
  popup: { id: EXTENSION_ID, url: `${EXTENSION_ROOT}popup.html` },
  options: {
    id: EXTENSION_ID,
    url: `${EXTENSION_ROOT}options.html`,
    tab: { id: 9, url: `${EXTENSION_ROOT}options.html` },
  },
  otherExtension: { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' },
  otherExtensionClaimingOurId: {
    id: EXTENSION_ID,
    url: 'chrome-extension://another-extension/page.html',
    tab: { id: 7 },
  },
  fileTab: { id: EXTENSION_ID, url: 'file:///home/reader/book.html', tab: { id: 8 } },
  noUrl: { id: EXTENSION_ID },
  notAnObject: 'sender',
} as const;

export interface Harness {
  ctx: BackgroundContext;
  fetchCalls: string[];
  granted: Set<string>;
  /** How many times the background opened the options page. */
  optionsOpened: () => number;
  /** Every frame the background injected the closer look into, as `tab:frame`. */
  injected: string[];
}

/** `uiLanguage` is what the browser's `i18n.getUILanguage()` would answer. */
export async function startHarness(fetchImpl: FetchLike, now?: () => number, uiLanguage = 'en-US'): Promise<Harness> {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  const fetchCalls: string[] = [];
  const granted = new Set<string>();
  let optionsOpened = 0;
  const injected: string[] = [];
  const ctx = await createBackground({
    fetch: (input, init) => {
      fetchCalls.push(`${init?.method ?? 'GET'} ${input}`);
      return fetchImpl(input, init);
    },
    permissions: { contains: async (origins) => origins.every((o) => granted.has(o)) },
    openOptionsPage: async () => void optionsOpened++,
    injectCloserLook: async (tabId, frameId) => void injected.push(`${tabId}:${frameId}`),
    alarms: fakeBrowser.alarms,
    now,
    extensionId: EXTENSION_ID,
    extensionOrigin: EXTENSION_ROOT,
    uiLanguage: () => uiLanguage,
  });
  return { ctx, fetchCalls, granted, optionsOpened: () => optionsOpened, injected };
}

export const offline: FetchLike = async () => {
  throw new TypeError('Failed to fetch');
};
