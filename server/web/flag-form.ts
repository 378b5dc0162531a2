/**
 * Reporting a comment from the book page, with a reason: the same flag as the
 * extension's, counted once per reader, and only once the reader is
 * confirmed (server/comments/flags.ts), so a first report waits for the mail.
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import { FlagCommentRequest } from '../../lib/shared/api';
import { bookTag } from '../books/cache-tags';
import { applyFlags, lockComment } from '../comments/flags';
import type { AppEnv, Deps } from '../deps';
import { lockVoice } from '../people/voice';
import { ApiError } from '../security/errors';
import { field, formVoice, limitedAsProblem, trustedForm, type FormProblem } from './participate';

const COMMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type FlagOutcome =
  { ok: true; commentId: string } | { ok: false; problem: FormProblem; commentId: string | null };

export async function submitFlagForm(deps: Deps, c: Context<AppEnv>, bookId: string): Promise<FlagOutcome> {
  const form = await trustedForm(deps, c);
  if (form === null) return { ok: false, problem: 'csrf', commentId: null };
  const commentId = field(form, 'comment');
  if (!COMMENT_ID.test(commentId)) return { ok: false, problem: 'gone', commentId: null };
  const reason = v.safeParse(FlagCommentRequest, { reason: field(form, 'reason') });
  if (!reason.success) return { ok: false, problem: 'reason', commentId };
  const outcome = await limitedAsProblem(async (): Promise<FlagOutcome> => {
    const voice = await formVoice(deps, c, form);
    if (voice === null) return { ok: false, problem: 'who', commentId };
    const now = deps.clock.now();
    return deps.write(async (tx): Promise<FlagOutcome> => {
      const locked = await lockVoice(tx.trx, voice.identityId);
      if (locked === null) throw new ApiError(401, 'unauthorized', 'This browser was forgotten.');
      await deps.limiter.consume('writes-reader', locked.ownerId, deps.config.rateLimits.writesPerIdentity, tx.trx);
      const comment = await lockComment(tx.trx, commentId);
      // Only a published comment of this very book can be reported from its page.
      if (comment === undefined || comment.status !== 'published' || comment.book_id !== bookId) {
        return { ok: false, problem: 'gone', commentId: null };
      }
      await tx.trx
        .insertInto('comment_flags')
        .values({ comment_id: commentId, owner_id: locked.ownerId, reason: reason.output.reason, created_at: now })
        .onConflict((oc) =>
          oc.columns(['comment_id', 'owner_id']).doUpdateSet({ reason: reason.output.reason, created_at: now }),
        )
        .execute();
      await applyFlags(tx.trx, commentId);
      tx.changed(bookTag(bookId));
      return { ok: true, commentId };
    });
  });
  return 'commentId' in outcome ? outcome : { ...outcome, commentId };
}
