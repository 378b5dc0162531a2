/** Moderation decisions, shared by the admin API and the admin CLI. */
import { isbn13To10 } from '../../lib/shared/isbn';
import type { CanonDb } from '../db/connect';
import type { CommentStatus } from '../db/tables';
import { insertBook } from '../db/seed';

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
    .select(['c.id', 'c.book_id', 'i.name', 'c.body', 'c.status', 'c.created_at'])
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
export async function decideComment(db: CanonDb, id: string, decision: CommentDecision): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('comments')
      .set({ status: DECISION_STATUS[decision] })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    // An approved comment starts clean; old flags would hide it again at the next flag.
    if (decision === 'approve') await trx.deleteFrom('comment_flags').where('comment_id', '=', id).execute();
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
  db: CanonDb,
  id: string,
  bookId: string | undefined,
  now: number,
): Promise<AcceptOutcome> {
  return db.transaction().execute(async (trx): Promise<AcceptOutcome> => {
    const nomination = await trx.selectFrom('nominations').selectAll().where('id', '=', id).executeTakeFirst();
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
    return { ok: true, bookId: newId };
  });
}

export async function declineNomination(db: CanonDb, id: string): Promise<boolean> {
  const updated = await db
    .updateTable('nominations')
    .set({ status: 'declined' })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}
