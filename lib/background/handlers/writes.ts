/** Reader writes: validated, stored in the outbox with an idempotency key, then sent. */
import * as v from 'valibot';
import { commentsPage } from '../canon/reader';
import { usableIdentity } from '../identity/record';
import {
  CommentsRequest,
  CommentWrite,
  FlagWrite,
  LinkWrite,
  NominationWrite,
  RatingWrite,
  RemoveRatingWrite,
  SecondWrite,
  TagsWrite,
  type WriteIntent,
} from '../../shared/messages/payloads';
import { ok, type Result } from '../../shared/messages/result';
import type { PendingWrite } from '../../shared/messages/views';
import { enqueue } from '../outbox/store';
import { pendingView } from '../tabs/book-view';
import type { BackgroundContext } from '../core/context';
import { handler } from './define';

export async function enqueueWrite(ctx: BackgroundContext, intent: WriteIntent): Promise<Result<PendingWrite>> {
  const row = await enqueue(ctx.db, { intent }, ctx.now());
  void ctx.outbox.flush();
  const identity = await usableIdentity(ctx.db, await ctx.server());
  return ok(pendingView(row, identity !== null));
}

function write<S extends v.GenericSchema>(schema: S, toIntent: (data: v.InferOutput<S>) => WriteIntent) {
  return handler('extension-page', schema, (ctx, data) => enqueueWrite(ctx, toIntent(data)));
}

export const writeHandlers = {
  getComments: handler('extension-page', CommentsRequest, (ctx, { bookId, cursor, refresh }) =>
    commentsPage(ctx, bookId, cursor ?? null, refresh ?? false),
  ),
  postComment: write(CommentWrite, (d) => ({ kind: 'comment', ...d })),
  setRating: write(RatingWrite, (d) => ({ kind: 'rating', ...d })),
  removeRating: write(RemoveRatingWrite, (d) => ({ kind: 'removeRating', ...d })),
  setTags: write(TagsWrite, (d) => ({ kind: 'tags', ...d })),
  addReviewLink: write(LinkWrite, (d) => ({ kind: 'link', ...d })),
  flagComment: write(FlagWrite, (d) => ({ kind: 'flag', ...d })),
  nominateBook: write(NominationWrite, (d) => ({ kind: 'nomination', ...d })),
  secondNomination: write(SecondWrite, (d) => ({ kind: 'second', ...d })),
};
