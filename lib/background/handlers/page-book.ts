/** What content scripts may do (report the page's book, read public data about it) and the tab view for extension pages. */
import * as v from 'valibot';
import { fail, ok } from '../../shared/messages/result';
import { BookRefSchema, NoPayload, TabRequest } from '../../shared/messages/payloads';
import { publicBookView, refreshTabBadge, tabBookView } from '../tabs/book-view';
import { readTabReport, saveTabReport } from '../tabs/tab-reports';
import { handler } from './define';

export const pageBookHandlers = {
  reportPageBook: handler('content-script', v.nullable(BookRefSchema), async (ctx, book, caller) => {
    if (caller.kind !== 'content-script') return fail('forbidden-sender', 'Only a page can report its book.');
    await saveTabReport(caller.tabId, { url: caller.url, book });
    // The reply does not wait for the network; the badge follows when the canon answers.
    void refreshTabBadge(ctx, caller.tabId, book).catch(() => undefined);
    return ok(null);
  }),

  getPageBookView: handler('content-script', NoPayload, async (ctx, _, caller) => {
    if (caller.kind !== 'content-script') return fail('forbidden-sender', 'Only a page can ask about its book.');
    const report = await readTabReport(caller.tabId);
    // Only about the book this tab reported: a content script cannot choose what is looked up.
    if (report === null || report.book === null) return ok(null);
    return ok(await publicBookView(ctx, report.book, false));
  }),

  getTabBook: handler('extension-page', TabRequest, async (ctx, { tabId, refresh }) =>
    ok(await tabBookView(ctx, tabId, refresh ?? false)),
  ),
};
