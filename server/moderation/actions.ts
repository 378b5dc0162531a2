/**
 * Moderation decisions, shared by the admin API and the admin CLI. Each is
 * one write transaction that locks what it decides on, and names the cached
 * answers it changes so every process drops them.
 */
import { isbn13To10 } from '../../lib/shared/isbn';
import { bookTag, NOMINATIONS_TAG } from '../books/cache-tags';
import { lockComment } from '../comments/flags';
import { lockCatalogue } from '../db/catalogue-lock';
import type { CanonDb } from '../db/connect';
import type { CommentStatus } from '../db/tables';
import { insertBook } from '../db/seed';
import { lockForUpdate, type Writer } from '../db/write';

export type CommentDecision = 'approve' | 'deny' | 'spam';
const DECISION_STATUS: Record<CommentDecision, CommentStatus> = { approve: 'published', deny: 'denied', spam: 'spam' };

export type QueuedComment = {
  id: string;
  bookId: string;
  authorName: string;
  body: string;
  status: CommentStatus;
  createdAt: string;
  flags: Record<string, number>;
};

/** Comments waiting for their author's confirmation and comments hidden by flags, oldest first. */
export async function moderationQueue(db: CanonDb): Promise<QueuedComment[]> {
  const rows = await db
    .selectFrom('comments as c')
    .innerJoin('identities as i', 'i.id', 'c.identity_id')
    .leftJoin('people as p', 'p.id', 'i.person_id')
    .select([
      'c.id',
      'c.book_id',
      (eb) => eb.fn.coalesce('p.name', 'i.name').as('name'),
      'c.body',
      'c.status',
      'c.created_at',
    ])
    .where('c.status', 'in', ['waiting', 'held'])
    .orderBy('c.created_at')
    .execute();
  const flags =
    rows.length === 0
      ? []
      : await db
          .selectFrom('comment_flags')
          .select(['comment_id', 'reason', (eb) => eb.fn.countAll<number>().as('n')])
          .where(
            'comment_id',
            'in',
            rows.map((r) => r.id),
          )
          .groupBy(['comment_id', 'reason'])
          .execute();
  return rows.map((r) => ({
    id: r.id,
    bookId: r.book_id,
    authorName: r.name,
    body: r.body,
    status: r.status,
    createdAt: new Date(r.created_at).toISOString(),
    flags: Object.fromEntries(flags.filter((f) => f.comment_id === r.id).map((f) => [f.reason, Number(f.n)])),
  }));
}

/** Returns false when there is no such comment. */
export async function decideComment(write: Writer, id: string, decision: CommentDecision): Promise<boolean> {
  return write(async ({ trx, changed }) => {
    // Locked, so a flag counted at the same moment lands before or after the decision, not across it.
    const comment = await lockComment(trx, id);
    if (comment === undefined) return false;
    await trx.updateTable('comments').set({ status: DECISION_STATUS[decision] }).where('id', '=', id).execute();
    // An approved comment starts clean; old flags would hide it again at the next flag.
    if (decision === 'approve') await trx.deleteFrom('comment_flags').where('comment_id', '=', id).execute();
    changed(bookTag(comment.book_id));
    return true;
  });
}

export function slugFor(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return slug === '' ? 'book' : slug;
}

export type AcceptOutcome = { ok: true; bookId: string } | { ok: false; reason: 'not_found' | 'not_open' | 'id_taken' };

/** Makes an open nomination a canon entry. */
export async function acceptNomination(
  write: Writer,
  id: string,
  bookId: string | undefined,
  now: number,
): Promise<AcceptOutcome> {
  return write(async ({ trx, changed }): Promise<AcceptOutcome> => {
    await lockCatalogue(trx);
    const nomination = await lockForUpdate(
      trx,
      trx.selectFrom('nominations').selectAll().where('id', '=', id),
    ).executeTakeFirst();
    if (nomination === undefined) return { ok: false, reason: 'not_found' };
    if (nomination.status !== 'open') return { ok: false, reason: 'not_open' };
    const newId = bookId ?? slugFor(nomination.title);
    const taken = await trx.selectFrom('books').select('id').where('id', '=', newId).executeTakeFirst();
    if (taken !== undefined) return { ok: false, reason: 'id_taken' };
    const isbn10 = nomination.isbn13 === null ? null : isbn13To10(nomination.isbn13);
    await insertBook(
      trx,
      {
        id: newId,
        title: nomination.title,
        subtitle: null,
        authors: JSON.parse(nomination.authors) as string[],
        publisher: null,
        year: null,
        isbn13: nomination.isbn13 === null ? [] : [nomination.isbn13],
        isbn10: isbn10 === null ? [] : [isbn10],
        chapters: [],
        sources: [],
      },
      now,
    );
    await trx.updateTable('nominations').set({ status: 'accepted', book_id: newId }).where('id', '=', id).execute();
    changed(NOMINATIONS_TAG, bookTag(newId));
    return { ok: true, bookId: newId };
  });
}

export async function declineNomination(write: Writer, id: string): Promise<boolean> {
  return write(async ({ trx, changed }) => {
    const updated = await trx
      .updateTable('nominations')
      .set({ status: 'declined' })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    changed(NOMINATIONS_TAG);
    return true;
  });
}
