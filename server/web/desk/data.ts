/** What the desk's pages read that the public pages do not: nominations with every reason, the entries list. */
import type { CanonDb } from '../../db/connect';

export type DeskNomination = {
  id: string;
  title: string;
  authors: string[];
  isbn13: string | null;
  reason: string;
  nominator: string;
  /** False while the nominator has not confirmed an address: such nominations are not public yet. */
  confirmed: boolean;
  createdAt: number;
  seconds: { name: string; reason: string | null; confirmed: boolean }[];
};

export async function openNominations(db: CanonDb): Promise<DeskNomination[]> {
  const rows = await db
    .selectFrom('nominations as n')
    .innerJoin('identities as i', 'i.id', 'n.identity_id')
    .leftJoin('people as p', 'p.id', 'i.person_id')
    .select([
      'n.id',
      'n.title',
      'n.authors',
      'n.isbn13',
      'n.reason',
      'n.created_at',
      'i.person_id',
      (eb) => eb.fn.coalesce('p.name', 'i.name').as('name'),
    ])
    .where('n.status', '=', 'open')
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();
  const seconds =
    rows.length === 0
      ? []
      : await db
          .selectFrom('nomination_supporters as s')
          .leftJoin('people as p', 'p.id', 's.owner_id')
          .leftJoin('identities as i', 'i.id', 's.owner_id')
          .select([
            's.nomination_id',
            's.reason',
            'p.id as person',
            (eb) => eb.fn.coalesce('p.name', 'i.name').as('name'),
          ])
          .where(
            's.nomination_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('s.created_at')
          .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    authors: JSON.parse(r.authors) as string[],
    isbn13: r.isbn13,
    reason: r.reason,
    nominator: r.name,
    confirmed: r.person_id !== null,
    createdAt: Number(r.created_at),
    seconds: seconds
      .filter((s) => s.nomination_id === r.id)
      .map((s) => ({ name: s.name ?? 'someone', reason: s.reason, confirmed: s.person !== null })),
  }));
}

export async function openNomination(db: CanonDb, id: string) {
  return db.selectFrom('nominations').selectAll().where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
}

export async function entryList(db: CanonDb) {
  return db.selectFrom('books').select(['id', 'title', 'subtitle']).orderBy('title_key').orderBy('id').execute();
}
