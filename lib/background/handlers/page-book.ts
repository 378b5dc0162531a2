/** What content scripts may do (report the page's book, read public data about it) and the tab view for extension pages. */
import { ok } from '../../shared/messages/result';
import { publicBookView, refreshTabBadge, tabBookView } from '../tabs/book-view';
import { readTabReport, saveTabReport } from '../tabs/tab-reports';
import { defineHandlers } from './define';

export const pageBookHandlers = defineHandlers({
  reportPageBook: async (ctx, book, caller) => {
    await saveTabReport(caller.tabId, { url: caller.url, book });
    // The reply does not wait for the network; the badge follows when the canon answers.
    void refreshTabBadge(ctx, caller.tabId, book).catch(() => undefined);
    return ok(null);
  },

  getPageBookView: async (ctx, _, caller) => {
    const report = await readTabReport(caller.tabId);
    // Only about the book this tab reported: a content script cannot choose what is looked up.
    if (report === null || report.book === null) return ok(null);
    return ok(await publicBookView(ctx, report.book, false));
  },

  getTabBook: async (ctx, { tabId, refresh }) => ok(await tabBookView(ctx, tabId, refresh ?? false)),
});
