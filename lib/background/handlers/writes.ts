/** Reader writes: validated, stored in the outbox with an idempotency key, then sent. */
import { commentsPage } from '../canon/reader';
import { usableIdentity } from '../identity/record';
import type { WriteIntent } from '../../shared/messages/payloads';
import { ok, type Result } from '../../shared/messages/result';
import type { PendingWrite } from '../../shared/messages/views';
import { enqueue } from '../outbox/store';
import { pendingView } from '../tabs/book-view';
import type { BackgroundContext } from '../core/context';
import { defineHandlers } from './define';

export async function enqueueWrite(ctx: BackgroundContext, intent: WriteIntent): Promise<Result<PendingWrite>> {
  const row = await enqueue(ctx.db, { intent }, ctx.now());
  void ctx.outbox.flush();
  const identity = await usableIdentity(ctx.db, await ctx.server());
  return ok(pendingView(row, identity !== null));
}

export const writeHandlers = defineHandlers({
  getComments: (ctx, { bookId, cursor, refresh }) => commentsPage(ctx, bookId, cursor ?? null, refresh ?? false),
  postComment: (ctx, d) => enqueueWrite(ctx, { kind: 'comment', ...d }),
  setRating: (ctx, d) => enqueueWrite(ctx, { kind: 'rating', ...d }),
  removeRating: (ctx, d) => enqueueWrite(ctx, { kind: 'removeRating', ...d }),
  setTags: (ctx, d) => enqueueWrite(ctx, { kind: 'tags', ...d }),
  addReviewLink: (ctx, d) => enqueueWrite(ctx, { kind: 'link', ...d }),
  flagComment: (ctx, d) => enqueueWrite(ctx, { kind: 'flag', ...d }),
  editComment: (ctx, d) => enqueueWrite(ctx, { kind: 'editComment', ...d }),
  deleteComment: (ctx, d) => enqueueWrite(ctx, { kind: 'deleteComment', ...d }),
  nominateBook: (ctx, d) => enqueueWrite(ctx, { kind: 'nomination', ...d }),
  secondNomination: (ctx, d) => enqueueWrite(ctx, { kind: 'second', ...d }),
});
