/**
 * What runs in a matched page: detect the book, tell the background, and on a
 * book page frame the sidebar. Everything it starts is bound to the content
 * script's context, so an extension update or a navigation leaves nothing
 * behind. Site scripts start at document_start: the sidebar's frame may be
 * started hidden then (early-frame.ts); detection waits for the parsed page.
 */
import { closerLookWanted, firstLook } from '../detect/first-look';
import type { BookRef } from '../shared/book-ref';
import type { SiteAdapter } from '../detect/base/types';
import { SIDEBAR_SETTING_KEY, SITE_SWITCHES_KEY } from '../shared/settings/keys';
import { sendToBackground } from './channel';
import { closerLookAt, loadCloserLook } from './closer-look';
import { earlyFrameWanted, startEarlyFrame, whenParsed } from './early-frame';
import { extensionApi } from './extension-api';
import type { PageContext } from './page-context';
import type { LateAdapters } from './platform-adapters';
import { mountSidebarFrame, type SidebarFrame } from './sidebar-frame';
import type { SidebarLayout } from '../shared/settings/appearance';
import { parseSidebarLayout } from '../shared/settings/defaults';

/** Late-rendering pages (single-page shops) fill in after load: re-detect after DOM changes settle… */
export const MUTATION_DEBOUNCE_MS = 400;
/** …but only for this long after each navigation, so a busy page costs nothing later. */
export const MUTATION_WATCH_MS = 15_000;

export interface PageAgentDeps {
  sidebarUrl: string;
  /** The sidebar's layout and the sites the reader switched off (by adapter id), in one storage read. */
  readSettings(): Promise<{ layout: SidebarLayout; siteSwitches: Record<string, boolean> }>;
  /** Calls back whenever the reader opens, closes, moves or re-places the sidebar (in any tab). */
  watchLayout(onChange: (layout: SidebarLayout) => void, signal: AbortSignal): void;
  report(book: BookRef | null): Promise<unknown>;
  /** The generic signals' reading of this page (checking the adapter's book when it found one). */
  closerLook(adapterRef: BookRef | null): Promise<BookRef | null>;
}

/** `adapters`: a site script's own, or the any-site script's platforms, loaded once one's test accepts the page. */
export async function runPageAgent(
  ctx: PageContext,
  adapters: readonly SiteAdapter[] | LateAdapters,
  deps: PageAgentDeps = browserDeps(),
): Promise<void> {
  const settings = await deps.readSettings();
  const switchedOn = (adapter: SiteAdapter) => settings.siteSwitches[adapter.id] !== false;
  if (Array.isArray(adapters) && adapters.length > 0 && !adapters.some(switchedOn)) return;
  const adaptersFor = async (url: URL) =>
    typeof adapters === 'function' ? (await adapters(document, url)).filter(switchedOn) : adapters;

  let layout = settings.layout;
  let book: BookRef | null = null;
  let frame: SidebarFrame | undefined;
  let lastKey: string | undefined;
  let watchUntil = 0;
  let detected = false;

  /**
   * The show step: a frame exactly when there is a book and the reader keeps
   * the sidebar in pages. An early frame waits, hidden, for the first check;
   * `setLayout` shows it.
   */
  const syncFrame = () => {
    if (!detected && layout.placement === 'page' && ctx.isValid) return;
    if (book && layout.placement === 'page' && ctx.isValid) {
      if (frame?.isAttached()) frame.setLayout(layout);
      else frame = mountSidebarFrame(document, deps.sidebarUrl, layout);
    } else {
      frame?.remove();
      frame = undefined;
    }
  };

  // Layout changes count from the start: the reader may move the sidebar while this page loads.
  deps.watchLayout((next) => {
    layout = next;
    syncFrame();
  }, ctx.signal);

  if (Array.isArray(adapters) && earlyFrameWanted(adapters, document, new URL(location.href), layout)) {
    // The tab's last report is the previous page's book: cleared first, so the
    // early frame never shows it (the background reads reports in this order).
    void deps.report(null).catch(() => undefined);
    frame = startEarlyFrame(document, deps.sidebarUrl, layout);
  }
  ctx.onInvalidated(() => frame?.remove());
  await whenParsed(document, ctx.signal);
  if (!ctx.isValid) return;

  let checks = 0;
  const detect = async (): Promise<BookRef | null> => {
    const url = new URL(location.href);
    const wanted = closerLookWanted(firstLook(await adaptersFor(url), document, url));
    return wanted ? deps.closerLook(wanted.adapterRef) : null;
  };

  const check = async () => {
    const run = ++checks;
    const found = await detect().catch(() => null);
    // A later check (the page changed again meanwhile) decides.
    if (run !== checks) return;
    const key = found ? bookKey(found) : '';
    if (key === lastKey) {
      // Same book, but the page may have re-rendered the sidebar away.
      if (frame && !frame.isAttached()) syncFrame();
      return;
    }
    lastKey = key;
    book = found;
    detected = true;
    // Reported first, framed (or shown) at once: the sidebar asks the background
    // for this report once its page has loaded, and follows it if it lands later.
    const reported = deps.report(found).catch(() => undefined);
    syncFrame();
    await reported;
  };

  let debouncing = false;
  const observer = new MutationObserver(() => {
    if (Date.now() > watchUntil || debouncing) return;
    // At most one check per debounce period while the page keeps changing.
    debouncing = true;
    ctx.setTimeout(() => {
      debouncing = false;
      void check();
    }, MUTATION_DEBOUNCE_MS);
  });
  const watch = () => {
    watchUntil = Date.now() + MUTATION_WATCH_MS;
    void check();
  };

  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onLocationChange?.(watch);
  ctx.onInvalidated(() => observer.disconnect());
  watch();
}

/** The same book stays the same sidebar: edition ISBN first, else title and authors. */
function bookKey(book: BookRef): string {
  return book.isbn13[0] ?? `${book.title ?? ''}\u0000${book.authors.join('\u0000')}`;
}

function browserDeps(): PageAgentDeps {
  const api = extensionApi() ?? chrome;
  return {
    sidebarUrl: `${api.runtime.getURL('/sidepanel.html')}?in-page=1`,
    readSettings: async () => {
      const stored = await api.storage.local.get([SIDEBAR_SETTING_KEY, SITE_SWITCHES_KEY]);
      const switches = stored[SITE_SWITCHES_KEY];
      return {
        layout: parseSidebarLayout(stored[SIDEBAR_SETTING_KEY]),
        siteSwitches: typeof switches === 'object' && switches !== null ? (switches as Record<string, boolean>) : {},
      };
    },
    watchLayout: (onChange, signal) => {
      const listener = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
        if (area === 'local' && SIDEBAR_SETTING_KEY in changes) {
          onChange(parseSidebarLayout(changes[SIDEBAR_SETTING_KEY]?.newValue));
        }
      };
      api.storage.onChanged.addListener(listener);
      signal.addEventListener('abort', () => api.storage.onChanged.removeListener(listener), { once: true });
    },
    report: (book) => sendToBackground('reportPageBook', book),
    closerLook: (adapterRef) => closerLookAt(adapterRef, () => loadCloserLook(api)),
  };
}
