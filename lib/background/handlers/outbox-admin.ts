/** The options page's outbox view, data export/import and cache clearing. */
import { cacheClear } from '../cache/cache';
import { usableIdentity } from '../identity/record';
import { fail, ok } from '../../shared/messages/result';
import { discard, listOutbox, retryNow } from '../outbox/store';
import { pendingView } from '../tabs/book-view';
import { exportReaderData, importReaderData } from '../settings/reader-data';
import { defineHandlers } from './define';

export const outboxAdminHandlers = defineHandlers({
  listOutbox: async (ctx) => {
    const identity = await usableIdentity(ctx.db, await ctx.server());
    return ok((await listOutbox(ctx.db)).map((row) => pendingView(row, identity !== null)));
  },
  retryOutbox: async (ctx, { id }) => {
    const count = await retryNow(ctx.db, id, ctx.now());
    void ctx.outbox.flush();
    return ok(count);
  },
  discardOutbox: async (ctx, { id }) =>
    (await discard(ctx.db, id)) ? ok(null) : fail('not-found', 'No such write in the outbox.'),
  exportData: (ctx) => exportReaderData(ctx),
  importData: (ctx, file) => importReaderData(ctx, file),
  clearCache: async (ctx) => {
    await cacheClear(ctx.db);
    return ok(null);
  },
});
