/**
 * What flags do to a comment: enough spam/offensive flags from confirmed
 * readers hide it for review, one spoiler flag folds it. Only flags owned by
 * a person count (people/voice.ts): unconfirmed identities cost nothing to
 * make, and one person flagging from three browsers is one flag.
 */
import type { CanonDb } from '../db/connect';
import { lockForUpdate } from '../db/write';
import { FLAGS_TO_FOLD, FLAGS_TO_HIDE } from '../limits';

/** The comment row, locked for the rest of the transaction; undefined when there is none. */
export function lockComment(trx: CanonDb, commentId: string) {
  return lockForUpdate(
    trx,
    trx
      .selectFrom('comments')
      .select(['id', 'book_id', 'identity_id', 'body', 'status', 'spoiler', 'deleted_at'])
      .where('id', '=', commentId),
  ).executeTakeFirst();
}

/**
 * Re-counts the comment's confirmed flags and applies them; returns its book,
 * or null when there is no such comment.
 */
export async function applyFlags(trx: CanonDb, commentId: string): Promise<string | null> {
  const comment = await lockComment(trx, commentId);
  if (comment === undefined) return null;
  const counts = await trx
    .selectFrom('comment_flags as f')
    .innerJoin('people as p', 'p.id', 'f.owner_id')
    .select(['f.reason', (eb) => eb.fn.countAll<number>().as('n')])
    .where('f.comment_id', '=', commentId)
    .groupBy('f.reason')
    .execute();
  const count = (reason: string) => Number(counts.find((r) => r.reason === reason)?.n ?? 0);
  if (comment.status === 'published' && count('spam') + count('offensive') >= FLAGS_TO_HIDE) {
    await trx.updateTable('comments').set({ status: 'held' }).where('id', '=', commentId).execute();
  }
  if (comment.spoiler === 0 && count('spoiler') >= FLAGS_TO_FOLD) {
    await trx.updateTable('comments').set({ spoiler: 1 }).where('id', '=', commentId).execute();
  }
  return comment.book_id;
}
