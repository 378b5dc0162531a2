/**
 * Keeping the canon index in the database: what the canon knows now as match
 * keys, compared with the stored entries inside every write that may change
 * them (a nomination made, confirmed, accepted or declined; the seed; a
 * restore). A difference becomes a new version with its changes recorded, so
 * any process can answer `?since=` with a delta. Runs inside the caller's
 * transaction, with the state row locked, so two processes never mint the
 * same version.
 */
import { randomBytes } from 'node:crypto';
import { indexKeysOf, type IndexEntry } from '../../lib/shared/api';
import { EVERYTHING, NOMINATIONS_TAG } from '../books/cache-tags';
import type { CanonDb } from '../db/connect';
import { lockForUpdate } from '../db/write';

const STATE_ID = 1;
/** Versions whose changes are kept for deltas; a client further behind gets the whole index. */
export const INDEX_CHANGES_KEPT = 1_000;
/** Rows a statement writes at most (SQLite allows 32,766 bound values; two a row). */
const WRITE_BATCH = 1_000;

export type IndexState = { version: number; keyId: string; keySecret: string };

function newKey(): { key_id: string; key_secret: string } {
  return { key_id: randomBytes(6).toString('base64url'), key_secret: randomBytes(32).toString('hex') };
}

/** The entries the canon's tables say the index should hold: every entry, every public open or declined nomination. */
export async function indexEntriesFromCanon(db: CanonDb): Promise<Map<string, string[]>> {
  const entries = new Map<string, string[]>();
  const books = await db.selectFrom('books').select(['id', 'title', 'authors']).execute();
  const isbns = await db.selectFrom('book_isbns').select(['book_id', 'isbn13']).orderBy('isbn13').execute();
  const isbnsOf = new Map<string, string[]>();
  for (const row of isbns) isbnsOf.set(row.book_id, [...(isbnsOf.get(row.book_id) ?? []), row.isbn13]);
  for (const book of books) {
    const authors = JSON.parse(book.authors) as string[];
    entries.set(`b:${book.id}`, indexKeysOf({ isbn13: isbnsOf.get(book.id) ?? [], title: book.title, authors }));
  }
  // As the lookup answers them: not accepted (that one is an entry now) and nominated by a confirmed reader.
  const nominations = await db
    .selectFrom('nominations as n')
    .innerJoin('identities as i', 'i.id', 'n.identity_id')
    .select(['n.id', 'n.isbn13', 'n.title', 'n.authors'])
    .where('n.status', '!=', 'accepted')
    .where('i.confirmed_at', 'is not', null)
    .execute();
  for (const n of nominations) {
    const authors = JSON.parse(n.authors) as string[];
    entries.set(`n:${n.id}`, indexKeysOf({ isbn13: n.isbn13 === null ? [] : [n.isbn13], title: n.title, authors }));
  }
  return entries;
}

/** The state row, locked for this transaction; created (version 0, a fresh key) on first use. */
async function lockedState(trx: CanonDb, now: number): Promise<IndexState> {
  await trx
    .insertInto('canon_index_state')
    .values({ id: STATE_ID, version: 0, ...newKey(), updated_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await lockForUpdate(
    trx,
    trx.selectFrom('canon_index_state').selectAll().where('id', '=', STATE_ID),
  ).executeTakeFirstOrThrow();
  return { version: row.version, keyId: row.key_id, keySecret: row.key_secret };
}

export async function readIndexState(db: CanonDb): Promise<IndexState | null> {
  const row = await db.selectFrom('canon_index_state').selectAll().where('id', '=', STATE_ID).executeTakeFirst();
  return row === undefined ? null : { version: row.version, keyId: row.key_id, keySecret: row.key_secret };
}

/**
 * Brings the stored index in line with the canon; returns the version now
 * current. Unchanged keys mint no version, so a write that only seconds a
 * nomination costs a comparison and nothing more.
 */
export async function refreshCanonIndex(trx: CanonDb, now: number): Promise<number> {
  const state = await lockedState(trx, now);
  const wanted = await indexEntriesFromCanon(trx);
  const stored = new Map(
    (await trx.selectFrom('canon_index_entries').selectAll().execute()).map((r) => [r.target, r.keys]),
  );
  const added: IndexEntry[] = [];
  const removed: string[] = [];
  for (const [target, keys] of wanted) {
    const json = JSON.stringify(keys);
    if (stored.get(target) !== json) added.push({ t: target, k: keys });
  }
  for (const target of stored.keys()) if (!wanted.has(target)) removed.push(target);
  if (added.length === 0 && removed.length === 0) return state.version;

  // In batches: a seed or a restore changes a whole canon at once.
  const gone = [...removed, ...added.filter((e) => stored.has(e.t)).map((e) => e.t)];
  for (let i = 0; i < gone.length; i += WRITE_BATCH) {
    await trx
      .deleteFrom('canon_index_entries')
      .where('target', 'in', gone.slice(i, i + WRITE_BATCH))
      .execute();
  }
  for (let i = 0; i < added.length; i += WRITE_BATCH) {
    await trx
      .insertInto('canon_index_entries')
      .values(added.slice(i, i + WRITE_BATCH).map((e) => ({ target: e.t, keys: JSON.stringify(e.k) })))
      .execute();
  }
  return bumpVersion(trx, state, { added, removed }, now);
}

async function bumpVersion(
  trx: CanonDb,
  state: IndexState,
  change: { added: IndexEntry[]; removed: string[] },
  now: number,
  key?: { key_id: string; key_secret: string },
): Promise<number> {
  const version = state.version + 1;
  await trx
    .insertInto('canon_index_changes')
    .values({ version, added: JSON.stringify(change.added), removed: JSON.stringify(change.removed), created_at: now })
    .execute();
  await trx
    .deleteFrom('canon_index_changes')
    .where('version', '<=', version - INDEX_CHANGES_KEPT)
    .execute();
  await trx
    .updateTable('canon_index_state')
    .set({ version, updated_at: now, ...key })
    .where('id', '=', STATE_ID)
    .execute();
  return version;
}

/**
 * A new hash key. Prefix answers hashed under the old one stop matching, so
 * the version moves on too: every client's next sync sees a new header.
 */
export async function rotateIndexKey(trx: CanonDb, now: number): Promise<IndexState> {
  const state = await lockedState(trx, now);
  const key = newKey();
  const version = await bumpVersion(trx, state, { added: [], removed: [] }, now, key);
  return { version, keyId: key.key_id, keySecret: key.key_secret };
}

/** The changes from `since` (exclusive) to `version`, merged; null when some are no longer kept. */
export async function changesSince(
  db: CanonDb,
  since: number,
  version: number,
): Promise<{ added: IndexEntry[]; removed: string[] } | null> {
  if (since === version) return { added: [], removed: [] };
  if (since > version || since < 0) return null;
  const rows = await db
    .selectFrom('canon_index_changes')
    .selectAll()
    .where('version', '>', since)
    .where('version', '<=', version)
    .orderBy('version')
    .execute();
  if (rows.length !== version - since) return null;
  const latest = new Map<string, IndexEntry | null>();
  for (const row of rows) {
    for (const target of JSON.parse(row.removed) as string[]) latest.set(target, null);
    for (const entry of JSON.parse(row.added) as IndexEntry[]) latest.set(entry.t, entry);
  }
  const added: IndexEntry[] = [];
  const removed: string[] = [];
  for (const [target, entry] of latest) {
    if (entry === null) removed.push(target);
    else added.push(entry);
  }
  return { added, removed };
}

/**
 * The writer's last step (db/write.ts `beforeCommit`): nominations made,
 * confirmed, accepted or declined name the nominations tag, and only they
 * change what the index knows.
 */
export function indexFollowsWrites(now: () => number) {
  return (trx: CanonDb, tags: string[]): Promise<unknown> =>
    tags.includes(NOMINATIONS_TAG) || tags.includes(EVERYTHING) ? refreshCanonIndex(trx, now()) : Promise.resolve();
}
