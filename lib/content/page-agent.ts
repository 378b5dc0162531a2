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
import type { CanonStanding } from '../shared/messages/views';
import { ok } from '../shared/messages/result';
import { sendToBackground } from './channel';
import { closerLookAt, loadCloserLook } from './closer-look';
import { listenForCommands, type CommandHandlers } from './command-listener';
import { earlyFrameWanted, startEarlyFrame, whenParsed } from './early-frame';
import { extensionApi } from './extension-api';
import { createFocusReturn } from './focus-return';
import type { PageContext } from './page-context';
import { readPageSettings, watchPageSettings, type PageSettings } from './page-settings';
import type { LateAdapters } from './platform-adapters';
import { mountSidebarFrame, type SidebarFrame } from './sidebar-frame';
import { sidebarShown } from './sidebar-visibility';

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
  /** Quiet mode: what the canon knows of the book just reported (null: the background has no report). */
  standing(): Promise<CanonStanding | null>;
  /** The reader opened or collapsed the sidebar here (the shortcut): every page follows. */
  rememberOpen(open: boolean): Promise<unknown>;
  /** The background's commands to this tab (the keyboard shortcut). */
  listenForCommands(handlers: CommandHandlers, signal: AbortSignal): void;
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

  let { layout, showOn } = settings;
  let book: BookRef | null = null;
  /** What the canon knows of `book`, once the background answered (quiet mode only; undefined until then). */
  let standing: CanonStanding | null | undefined;
  /** The reader asked for the sidebar on this book with the shortcut, quiet mode or not. */
  let revealed = false;
  let frame: SidebarFrame | undefined;
  let lastKey: string | undefined;
  let watchUntil = 0;
  let detected = false;
  const focusReturn = createFocusReturn(document, (element) => frame?.contains(element) === true);

  /**
   * The show step: a frame exactly when there is a book the reader wants to
   * hear about, and they keep the sidebar in pages. An early frame waits,
   * hidden, for the first check (and in quiet mode for the canon's answer
   * too); `setLayout` shows that same frame, so its head start is kept.
   */
  const syncFrame = () => {
    const inPage = layout.placement === 'page' && ctx.isValid;
    if (inPage && !detected) return;
    const wanted = inPage && book;
    if (wanted && (revealed || sidebarShown(showOn, standing))) {
      if (frame?.isAttached()) frame.setLayout(layout);
      else frame = mountSidebarFrame(document, deps.sidebarUrl, layout);
    } else if (!wanted || standing !== undefined || frame?.isShown() !== false) {
      // (Else quiet mode's hidden frame waits for the canon's answer, rather than going and coming back.)
      frame?.remove();
      frame = undefined;
    }
  };

  /** Quiet mode waits for the background's answer about this book (asked after the report it answers about). */
  const askStanding = async () => {
    // Shown without the canon's answer (every book page): nothing to ask.
    if (book === null || sidebarShown(showOn, undefined)) return;
    const asked = lastKey;
    const answer = await deps.standing().catch(() => null);
    if (asked !== lastKey) return;
    standing = answer;
    syncFrame();
  };

  const commands: CommandHandlers = {
    async toggleSidebar() {
      if (book === null || layout.placement !== 'page' || !ctx.isValid) return ok(false);
      // Hidden by quiet mode, the shortcut still shows this book's sidebar: the reader asked for it.
      const open = frame?.isAttached() && frame.isShown() ? !layout.open : true;
      revealed = true;
      if (open) focusReturn.remember();
      layout = { ...layout, open };
      syncFrame();
      if (open) frame?.focus();
      else focusReturn.restore();
      await deps.rememberOpen(open).catch(() => undefined);
      return ok(true);
    },
  };

  // Settings count from the start: the reader may move the sidebar while this page loads.
  deps.watchSettings((next) => {
    // Collapsed from inside the sidebar (Escape, its button): the keyboard goes back where it was.
    const collapsed = layout.open && !next.layout.open;
    const quietChanged = next.showOn !== showOn;
    ({ layout, showOn } = next);
    syncFrame();
    if (collapsed) focusReturn.restore();
    if (quietChanged) void askStanding();
  }, ctx.signal);
  deps.listenForCommands(commands, ctx.signal);

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
    standing = undefined;
    revealed = false;
    detected = true;
    // Reported first, framed (or shown) at once: the sidebar asks the background
    // for this report once its page has loaded, and follows it if it lands later.
    const reported = deps.report(found).catch(() => undefined);
    syncFrame();
    await reported;
    await askStanding();
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
    readSettings: () => readPageSettings(api.storage),
    watchSettings: (onChange, signal) => watchPageSettings(api.storage, onChange, signal),
    report: (book) => sendToBackground('reportPageBook', book),
    standing: async () => {
      const reply = await sendToBackground('getPageBookStanding', undefined);
      return reply.ok ? reply.value : null;
    },
    rememberOpen: (open) => sendToBackground('rememberSidebarOpen', { open }),
    listenForCommands: (handlers, signal) => listenForCommands(api.runtime, handlers, signal),
    closerLook: (adapterRef) => closerLookAt(adapterRef, () => loadCloserLook(api)),
  };
}
