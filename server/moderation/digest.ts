/**
 * The flag digest: when readers flag comments, the moderators get one mail
 * listing the new flags — at most one every FLAG_DIGEST_INTERVAL_MS, however
 * many flags and however many server processes. The send is claimed in the
 * database first (one row, locked, its time moved on in the same
 * transaction), so of processes checking at once exactly one sends, and the
 * flags it covers are never listed again. Flags that arrive within the hour
 * after a digest wait for the next one; every process checks each
 * FLAG_DIGEST_CHECK_MS and right after a flag.
 *
 * A mail that fails after the claim is logged, not retried: the desk's queue
 * still shows every flagged comment.
 */
import type { Deps } from '../deps';
import { lockForUpdate } from '../db/write';
import { FLAG_DIGEST_CHECK_MS, FLAG_DIGEST_INTERVAL_MS } from '../limits';
import { opening } from './log';

export type DigestFlag = {
  commentId: string;
  bookId: string;
  bookTitle: string;
  reason: string;
  body: string;
  at: number;
};
export type DigestOutcome =
  { sent: false; why: 'no-moderators' | 'too-soon' | 'nothing-new' } | { sent: true; flags: number };

/** Claims and sends the digest if one is due. */
export async function sendFlagDigestIfDue(deps: Deps): Promise<DigestOutcome> {
  const { config, clock, write, mailer, log } = deps;
  if (config.moderatorEmails.length === 0) return { sent: false, why: 'no-moderators' };
  const now = clock.now();
  const claimed = await write(async ({ trx }) => {
    const row = await lockForUpdate(
      trx,
      trx.selectFrom('flag_digest').selectAll().where('id', '=', 'flags'),
    ).executeTakeFirstOrThrow();
    if (now - Number(row.sent_at) < FLAG_DIGEST_INTERVAL_MS) return 'too-soon' as const;
    const flags = await trx
      .selectFrom('comment_flags as f')
      .innerJoin('comments as c', 'c.id', 'f.comment_id')
      .innerJoin('books as b', 'b.id', 'c.book_id')
      .select(['f.comment_id', 'c.book_id', 'b.title', 'f.reason', 'c.body', 'f.created_at'])
      .where('f.created_at', '>', row.covered_until)
      .where('f.created_at', '<=', now)
      .orderBy('f.created_at')
      .execute();
    if (flags.length === 0) return 'nothing-new' as const;
    const coveredUntil = Math.max(...flags.map((f) => Number(f.created_at)));
    await trx
      .updateTable('flag_digest')
      .set({ sent_at: now, covered_until: coveredUntil })
      .where('id', '=', 'flags')
      .execute();
    return flags.map((f): DigestFlag => ({
      commentId: f.comment_id,
      bookId: f.book_id,
      bookTitle: f.title,
      reason: f.reason,
      body: f.body,
      at: Number(f.created_at),
    }));
  });
  if (typeof claimed === 'string') return { sent: false, why: claimed };
  const mail = digestMail(claimed, config.publicUrl, config.canonName);
  await Promise.all(
    config.moderatorEmails.map((to) =>
      mailer
        .sendText({ to, ...mail })
        .catch((error: unknown) => log.error(`flag digest to a moderator failed: ${String(error)}`)),
    ),
  );
  return { sent: true, flags: claimed.length };
}

/** Plain text; the flagged comments' words are quoted, never turned into links or markup. */
export function digestMail(flags: DigestFlag[], publicUrl: string, canonName: string) {
  const comments = new Map<string, DigestFlag[]>();
  for (const f of flags) comments.set(f.commentId, [...(comments.get(f.commentId) ?? []), f]);
  const lines = [
    `Readers flagged ${comments.size === 1 ? 'a comment' : `${comments.size} comments`} on the ${canonName}:`,
    '',
  ];
  for (const [, mine] of comments) {
    const first = mine[0] as DigestFlag;
    const reasons = [...new Set(mine.map((f) => f.reason))].join(', ');
    lines.push(`- on “${opening(first.bookTitle, 60)}” (${reasons}): “${opening(first.body, 120)}”`);
  }
  lines.push('', `Decide in the moderator's desk: ${publicUrl}/admin`, '', 'You get this at most once an hour.');
  return { subject: `Flagged comments on the ${canonName}`, text: lines.join('\n') };
}

/** Each process looks now and then, so flags that came within the hour after a digest are not forgotten. */
export function startFlagDigests(deps: Deps): { stop(): void } {
  const timer = setInterval(() => {
    sendFlagDigestIfDue(deps).catch((error: unknown) => deps.log.error(`flag digest failed: ${String(error)}`));
  }, FLAG_DIGEST_CHECK_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
