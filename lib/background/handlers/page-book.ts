/**
 * What content scripts may do (report the page's book, read public data about
 * it) and the tab view for extension pages.
 */
import { fail, ok, type Result } from '../../shared/messages/result';
import type { BackgroundContext } from '../core/context';
import { publicBookView, refreshTabBadge, tabBookView } from '../tabs/book-view';
import { readTabReport, saveTabReport, whenDetected, type TabReport } from '../tabs/tab-reports';
import { announceChange } from '../core/announce';
import { readerIsLooking } from '../tabs/looking';
import { canonLookup } from '../canon/lookup';
import { sidebarOpenItem } from '../../shared/settings/items';
import { standingOf } from '../tabs/standing';
import { defineHandlers, type ContentScriptCaller } from './define';
import {
  BOOK_CHECK_SCRIPT_FILE,
  CLOSER_LOOK_SCRIPT_FILE,
  PAGE_PASS_SCRIPT_FILE,
  PLATFORMS_SCRIPT_FILE,
  SIDEBAR_CONTROLS_SCRIPT_FILE,
  type InjectedScriptFile,
} from '../../shared/content-scripts';

/**
 * How long the in-page sidebar's first question waits for its page to be
 * read. Detection normally takes milliseconds after the page is parsed; a
 * page agent that never reports (its context ended) leaves the sidebar
 * with "no book" after this.
 */
export const DETECTION_WAIT_MS = 5_000;

/** Keeps what the tab's page reported; pages following the tab hear of another book, and the badge follows. */
async function saveReport(
  ctx: BackgroundContext,
  caller: ContentScriptCaller,
  report: TabReport,
): Promise<Result<null>> {
  const before = await readTabReport(caller.tabId);
  await saveTabReport(caller.tabId, report);
  // Pages following this tab (the browser's side panel, the popup) now show another book.
  if (JSON.stringify(before?.book ?? null) !== JSON.stringify(report.book)) {
    await announceChange(['book'], ctx.now(), caller.tabId).catch(() => undefined);
  }
  // The reply does not wait for the network; the badge follows when the canon answers.
  void refreshTabBadge(ctx, caller.tabId, report.book).catch(() => undefined);
  return ok(null);
}

/** Only ever this extension's own `file`, into the asking frame: a page gains nothing by asking. */
function injecting(file: InjectedScriptFile) {
  return async (ctx: BackgroundContext, _: undefined, caller: ContentScriptCaller): Promise<Result<null>> => {
    await ctx.injectScript(caller.tabId, caller.frameId, file);
    return ok(null);
  };
}

export const pageBookHandlers = defineHandlers({
  reportPageBook: (ctx, book, caller) => saveReport(ctx, caller, { url: caller.url, book }),

  // A page framing its sidebar before it is parsed: the last page's book is gone, and this one's is coming.
  reportPageDetecting: (ctx, _, caller) => saveReport(ctx, caller, { url: caller.url, book: null, detecting: true }),

  getPageBookView: async (ctx, _, caller) => {
    const report = await readTabReport(caller.tabId);
    // Only about the book this tab reported: a content script cannot choose what is looked up.
    if (report === null || report.book === null) return ok(null);
    // A content script is the page itself, not the reader looking: nothing leaves for Open Library.
    return ok(await publicBookView(ctx, report.book, false, false));
  },

  // Quiet mode's one question, about the book this tab reported; the same lookup as the badge's.
  getPageBookStanding: async (ctx, _, caller) => {
    const report = await readTabReport(caller.tabId);
    if (report === null || report.book === null) return ok(null);
    return ok(standingOf(await canonLookup(ctx, report.book)));
  },

  rememberSidebarOpen: async (_ctx, { open }) => {
    await sidebarOpenItem.setValue(open);
    return ok(null);
  },

  loadBookCheck: injecting(BOOK_CHECK_SCRIPT_FILE),
  loadCloserLook: injecting(CLOSER_LOOK_SCRIPT_FILE),
  loadGenericPagePass: injecting(PAGE_PASS_SCRIPT_FILE),
  // The any-site script's platform adapters, once a platform's own test accepted the page.
  loadPlatformAdapters: injecting(PLATFORMS_SCRIPT_FILE),
  // The sidebar controls, for a frame whose page agent found a book on a host it cannot import them from.
  loadSidebarControls: injecting(SIDEBAR_CONTROLS_SCRIPT_FILE),

  // The sidebar framed into a page does not know its tab (Firefox gives such a frame no `tabs`): the sender says it.
  getTabBook: async (ctx, { tabId, refresh, waitForDetection }, caller) => {
    const tab = tabId ?? caller.tabId;
    if (tab === null) return fail('no-tab', 'Which tab? This page is not in one.');
    // Read while the page may still be being read: the answer then waits for nothing but the book.
    const looking = readerIsLooking(caller);
    const report = waitForDetection ? await whenDetected(tab, DETECTION_WAIT_MS) : await readTabReport(tab);
    return ok(await tabBookView(ctx, tab, report, refresh ?? false, await looking));
  },
});
