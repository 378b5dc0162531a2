/**
 * What runs in a matched page: detect the book, tell the background, and on a
 * book page frame the sidebar. Everything it starts is bound to the content
 * script's context, so an extension update or a navigation leaves nothing
 * behind.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectBookWith } from '../detect/detect-with';
import type { BookRef, SiteAdapter } from '../detect/types';
import { sendToBackground } from './channel';
import { mountSidebarFrame, type SidebarFrame } from './sidebar-frame';
import { parseSidebarLayout, type SidebarLayout } from './sidebar-layout';

/** Late-rendering pages (single-page shops) fill in after load: re-detect after DOM changes settle… */
export const MUTATION_DEBOUNCE_MS = 400;
/** …but only for this long after each navigation, so a busy page costs nothing later. */
export const MUTATION_WATCH_MS = 15_000;
/** Storage key of the in-page sidebar's layout (not private: position and open state). */
export const SIDEBAR_LAYOUT_KEY = 'sidebarLayout';

export interface PageAgentDeps {
  sidebarUrl: string;
  readLayout(): Promise<SidebarLayout>;
  /** Calls back whenever the reader opens, closes or moves the sidebar (in any tab). */
  watchLayout(onChange: (layout: SidebarLayout) => void, signal: AbortSignal): void;
  report(book: BookRef | null): Promise<unknown>;
}

export function runPageAgent(ctx: ContentScriptContext, adapters: readonly SiteAdapter[], deps: PageAgentDeps = browserDeps()): void {
  let frame: SidebarFrame | undefined;
  let lastKey: string | undefined;
  let watchUntil = 0;
  let debounce: number | undefined;

  const check = async () => {
    const book = detectBookWith(adapters, document, location.href);
    const key = book ? bookKey(book) : '';
    if (key === lastKey) return;
    lastKey = key;
    await deps.report(book).catch(() => undefined);
    if (!book) {
      frame?.remove();
      frame = undefined;
    } else if (!frame && ctx.isValid) {
      frame = mountSidebarFrame(document, deps.sidebarUrl, await deps.readLayout());
    }
  };

  const observer = new MutationObserver(() => {
    if (Date.now() > watchUntil) return;
    if (debounce !== undefined) clearTimeout(debounce);
    debounce = ctx.setTimeout(() => void check(), MUTATION_DEBOUNCE_MS);
  });
  const watch = () => {
    watchUntil = Date.now() + MUTATION_WATCH_MS;
    void check();
  };

  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.addEventListener(window, 'wxt:locationchange', watch);
  deps.watchLayout((layout) => frame?.setLayout(layout), ctx.signal);
  ctx.onInvalidated(() => {
    observer.disconnect();
    frame?.remove();
  });
  watch();
}

/** The same book stays the same sidebar: edition ISBN first, else title and authors. */
function bookKey(book: BookRef): string {
  return book.isbn13[0] ?? `${book.title ?? ''}\u0000${book.authors.join('\u0000')}`;
}

function browserDeps(): PageAgentDeps {
  const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
  return {
    sidebarUrl: `${api.runtime.getURL('/sidepanel.html')}?in-page=1`,
    readLayout: async () => parseSidebarLayout((await api.storage.local.get(SIDEBAR_LAYOUT_KEY))[SIDEBAR_LAYOUT_KEY]),
    watchLayout: (onChange, signal) => {
      const listener = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
        if (area === 'local' && SIDEBAR_LAYOUT_KEY in changes) onChange(parseSidebarLayout(changes[SIDEBAR_LAYOUT_KEY]?.newValue));
      };
      api.storage.onChanged.addListener(listener);
      signal.addEventListener('abort', () => api.storage.onChanged.removeListener(listener), { once: true });
    },
    report: (book) => sendToBackground('reportPageBook', book),
  };
}
