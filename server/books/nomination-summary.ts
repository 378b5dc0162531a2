/** Nomination rows as the API shows them, with their supporter counts: confirmed readers, each once. */
import type { NominationSummary } from '../../lib/shared/api';
import type { CanonDb } from '../db/connect';
import type { NominationsTable } from '../db/tables';

export async function summarizeNominations(db: CanonDb, rows: NominationsTable[]): Promise<NominationSummary[]> {
  if (rows.length === 0) return [];
  const counts = await db
    .selectFrom('nomination_supporters as s')
    .innerJoin('people as p', 'p.id', 's.owner_id')
    .select(['s.nomination_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where(
      's.nomination_id',
      'in',
      rows.map((r) => r.id),
    )
    .groupBy('s.nomination_id')
    .execute();
  const byId = new Map(counts.map((c) => [c.nomination_id, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    isbn13: r.isbn13,
    title: r.title,
    authors: JSON.parse(r.authors) as string[],
    reason: r.reason,
    status: r.status,
    supporters: byId.get(r.id) ?? 0,
    bookId: r.book_id,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** More than a page should list; older ones wait for the desk. */
export const NOMINATIONS_LIST_MAX = 100;

/** Nominations in one state, newest first; a nomination shows once its nominator has confirmed. */
export async function listNominations(db: CanonDb, status: NominationsTable['status']): Promise<NominationSummary[]> {
  const rows = await db
    .selectFrom('nominations as n')
    .innerJoin('identities as i', 'i.id', 'n.identity_id')
    .selectAll('n')
    .where('n.status', '=', status)
    .where('i.confirmed_at', 'is not', null)
    .orderBy('n.created_at', 'desc')
    .limit(NOMINATIONS_LIST_MAX)
    .execute();
  return summarizeNominations(db, rows);
}
