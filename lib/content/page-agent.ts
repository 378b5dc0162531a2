/**
 * What runs in a matched page: detect the book, tell the background, and on a
 * book page have the sidebar shown. Everything it starts is bound to the
 * content script's context, so an extension update or a navigation leaves
 * nothing behind. Site scripts start at document_start: the sidebar's frame
 * may be started hidden then (early-frame.ts); detection waits for the parsed
 * page. Showing the sidebar, quiet mode and the shortcut are the sidebar
 * controls' (sidebar-controls.ts), loaded only once a book is found: most
 * pages of a site are not one book, and every byte here lands in all of them.
 */
import { closerLookWanted, firstLook, schemaReadersWanted } from '../detect/first-look';
import type { SchemaReaders } from '../detect/base/schema-readers';
import type { BookRef } from '../shared/book-ref';
import type { AdapterBook, SiteAdapter } from '../detect/base/types';
import { bookKey } from './book-key';
import { sendToBackground } from './channel';
import { closerLookAt, loadBookCheck, loadGenericLook, schemaReadersAt } from './closer-look';
import { earlyFrameWanted, startEarlyFrame, whenParsed } from './early-frame';
import { extensionApi } from './extension-api';
import type { PageContext } from './page-context';
import { readPageSettings, watchPageSettings, type PageSettings } from './page-settings';
import type { LateAdapters } from './platform-adapters';
import type { SidebarControls, StartSidebarControls } from './sidebar-controls';
import { loadSidebarControls } from './sidebar-controls-loader';
import type { SidebarFrame } from './sidebar-frame';

/** Late-rendering pages (single-page shops) fill in after load: re-detect after DOM changes settle… */
export const MUTATION_DEBOUNCE_MS = 400;
/** …but only for this long after each navigation, so a busy page costs nothing later. */
export const MUTATION_WATCH_MS = 15_000;

export interface PageAgentDeps {
  sidebarUrl: string;
  /** The sidebar's layout, quiet mode and the sites the reader switched off (by adapter id), in one storage read. */
  readSettings(): Promise<PageSettings>;
  /** Calls back when the reader opens, closes, moves or re-places the sidebar (in any tab), or changes quiet mode. */
  watchSettings(onChange: (settings: PageSettings) => void, signal: AbortSignal): void;
  report(book: BookRef | null): Promise<unknown>;
  /** The page is being read, its sidebar framed early: the background holds that sidebar's question until `report`. */
  reportDetecting(): Promise<unknown>;
  /**
   * Starts loading what an adapter's book page needs after detection (the
   * book check, the sidebar controls) while the page is still parsed: the
   * address says it may be one book, so they will most likely be needed.
   */
  preload(): void;
  /** Showing the sidebar, quiet mode and the shortcut (sidebar-controls.ts), loaded once a book is found. */
  sidebarControls(): Promise<StartSidebarControls | undefined>;
  /** The closer look: the adapter's book checked, or without one the generic signals' reading of the page. */
  closerLook(adapterRef: AdapterBook | null): Promise<BookRef | null>;
  /** The schema.org readers, for an adapter that reads them on a page with that markup (the book check's). */
  schemaReaders(): Promise<SchemaReaders | undefined>;
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

  let current = settings;
  let lastKey: string | undefined;
  let lastReport: Promise<unknown> = Promise.resolve();
  let watchUntil = 0;
  /** The early frame, until the sidebar controls take it over. */
  let frame: SidebarFrame | undefined;
  let controls: SidebarControls | undefined;
  let controlsLoading: Promise<SidebarControls | undefined> | undefined;
  const removeFrame = () => {
    frame?.remove();
    frame = undefined;
  };

  /** The controls, loaded once: they take the early frame (the page's only one) and the settings as they are now. */
  const sidebarControls = () =>
    (controlsLoading ??= deps.sidebarControls().then((start) => {
      if (start && ctx.isValid) controls = start(ctx, { sidebarUrl: deps.sidebarUrl, settings: current, frame });
      // Handed over, or nothing to show it with.
      if (!controls) frame?.remove();
      frame = undefined;
      return controls;
    }));

  // Settings count from the start: the reader may move the sidebar while this page loads.
  deps.watchSettings((next) => {
    current = next;
    if (controls) controls.settingsChanged(next);
    // Until a book is found, an early frame only waits (hidden); it goes if the sidebar leaves pages.
    else if (next.layout.placement !== 'page') removeFrame();
  }, ctx.signal);

  if (Array.isArray(adapters) && earlyFrameWanted(adapters, document, new URL(location.href), settings.layout)) {
    // The tab's last report is the previous page's book: cleared first, so the early frame never
    // shows it, and the sidebar's first question waits for this page's (the background reads
    // reports in this order).
    void deps.reportDetecting().catch(() => undefined);
    frame = startEarlyFrame(document, deps.sidebarUrl, settings.layout);
    deps.preload();
  }
  ctx.onInvalidated(removeFrame);
  await whenParsed(document, ctx.signal);
  if (!ctx.isValid) return;

  let checks = 0;
  const detect = async (): Promise<BookRef | null> => {
    const url = new URL(location.href);
    const adapters = await adaptersFor(url);
    const schema = schemaReadersWanted(adapters, document, url) ? await deps.schemaReaders() : undefined;
    const wanted = closerLookWanted(firstLook(adapters, document, url, schema));
    // The adapter read a book: the controls load while the closer look checks it.
    if (wanted?.adapterRef) void sidebarControls();
    return wanted ? deps.closerLook(wanted.adapterRef) : null;
  };

  const check = async () => {
    const run = ++checks;
    const found = await detect().catch(() => null);
    // A later check (the page changed again meanwhile) decides.
    if (run !== checks) return;
    const key = found ? bookKey(found) : '';
    if (key !== lastKey) {
      lastKey = key;
      // Reported first, shown as soon as the controls are there: the sidebar asks the background
      // for this report once its page has loaded, and follows it if it lands later.
      lastReport = deps.report(found).catch(() => undefined);
    }
    // Without a book, and none before, there is nothing to show: an early frame goes.
    const shown = found ? await sidebarControls() : controls;
    if (run !== checks) return;
    if (shown) await shown.show(found, lastReport);
    else removeFrame();
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

function browserDeps(): PageAgentDeps {
  const api = extensionApi() ?? chrome;
  // Each loads once per frame: a preload and the first look's own need share it.
  const loads = { bookCheck: once(() => loadBookCheck(api)), generic: once(() => loadGenericLook(api)) };
  const controlsLoad = once(() => loadSidebarControls(api));
  return {
    sidebarUrl: `${api.runtime.getURL('/sidepanel.html')}?in-page=1`,
    readSettings: () => readPageSettings(api.storage),
    watchSettings: (onChange, signal) => watchPageSettings(api.storage, onChange, signal),
    report: (book) => sendToBackground('reportPageBook', book),
    reportDetecting: () => sendToBackground('reportPageDetecting', undefined),
    preload() {
      void loads.bookCheck().catch(() => undefined);
      void controlsLoad();
    },
    sidebarControls: controlsLoad,
    closerLook: (adapterRef) => closerLookAt(adapterRef, loads),
    schemaReaders: () => schemaReadersAt(loads.bookCheck),
  };
}

/** `load`, run on the first call; later calls share its promise (a failed load is tried again). */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
