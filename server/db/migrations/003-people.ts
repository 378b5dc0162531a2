/**
 * A person is a confirmed e-mail address. Identities (one per browser, each
 * with its own secret) confirmed with the same address become one person, and
 * what counts once per reader — ratings, tags, flags, seconds — is kept under
 * an owner: the person once the identity is joined, the identity itself while
 * it waits for its link. Existing duplicates are merged here; every comment is
 * kept (comments stay with the identity that wrote them and show the person's
 * name).
 *
 * Review links are stored in their WHATWG-normalised form from now on; the
 * ones already stored are normalised too, keeping the oldest of any that turn
 * out to be the same link.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
type AnyDb = Kysely<any>;

/** The address rule as of this migration (lib/shared/api canonicalEmail may change later; this must not). */
const normalizedEmail = (email: string) => email.trim().toLowerCase();

const BATCH = 200;

async function insertRows(db: AnyDb, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

type Identity = {
  id: string;
  name: string;
  email: string;
  email_canonical: string;
  confirmed_at: number | null;
  created_at: number;
};

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('people')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('email_key', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('people_email_key', ['email_key'])
    .execute();
  await db.schema
    .alterTable('identities')
    .addColumn('person_id', 'varchar(36)', (c) => c.references('people.id'))
    .execute();
  await db.schema.alterTable('identities').addColumn('revoked_at', 'bigint').execute();

  const identities = (await db.selectFrom('identities').selectAll().execute()) as Identity[];
  const personOf = new Map<string, string>();
  const confirmedByKey = new Map<string, Identity[]>();
  for (const identity of identities) {
    const key = normalizedEmail(identity.email);
    if (key !== identity.email_canonical) {
      await db.updateTable('identities').set({ email_canonical: key }).where('id', '=', identity.id).execute();
    }
    if (identity.confirmed_at !== null) confirmedByKey.set(key, [...(confirmedByKey.get(key) ?? []), identity]);
  }
  const people: Record<string, unknown>[] = [];
  for (const [key, group] of confirmedByKey) {
    group.sort((a, b) => (a.confirmed_at ?? 0) - (b.confirmed_at ?? 0));
    const first = group[0] as Identity;
    const latest = group[group.length - 1] as Identity;
    const id = randomUUID();
    // The name chosen at the latest confirmation is the person's name, as it is from now on.
    people.push({
      id,
      email_key: key,
      email: latest.email.trim(),
      name: latest.name,
      created_at: first.confirmed_at,
      updated_at: latest.confirmed_at,
    });
    for (const identity of group) personOf.set(identity.id, id);
  }
  await insertRows(db, 'people', people);
  for (const [identityId, personId] of personOf) {
    await db.updateTable('identities').set({ person_id: personId }).where('id', '=', identityId).execute();
  }
  await db.schema.createIndex('identities_email').on('identities').column('email_canonical').execute();
  await db.schema.createIndex('identities_person').on('identities').column('person_id').execute();
  await db
    .updateTable('confirmation_tokens')
    .set((eb) => ({ email_canonical: eb.fn('lower', [eb.fn('trim', ['email_canonical'])]) }))
    .execute();

  const owner = (identityId: string) => personOf.get(identityId) ?? identityId;
  const byId = new Map(identities.map((i) => [i.id, i]));

  // Ratings: one per owner and book; of duplicates the latest wins.
  const ratings = new Map<string, Record<string, unknown> & { updated_at: number }>();
  for (const r of await db.selectFrom('ratings').selectAll().execute()) {
    const key = `${r.book_id}\u0000${owner(r.identity_id)}`;
    const previous = ratings.get(key);
    if (previous === undefined || r.updated_at > previous.updated_at) {
      ratings.set(key, {
        book_id: r.book_id,
        owner_id: owner(r.identity_id),
        half_stars: r.half_stars,
        updated_at: r.updated_at,
      });
    }
  }
  await db.schema
    .createTable('ratings_by_owner')
    .addColumn('book_id', 'varchar(80)', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('owner_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('half_stars', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('ratings_owner_pk', ['book_id', 'owner_id'])
    .execute();
  await insertRows(db, 'ratings_by_owner', [...ratings.values()]);
  await db.schema.dropTable('ratings').execute();
  await db.schema.alterTable('ratings_by_owner').renameTo('ratings').execute();
  await db.schema.createIndex('ratings_owner').on('ratings').column('owner_id').execute();

  // Tags: one set per owner and book. The old rows carry no time, so of several
  // browsers' sets the one registered last wins, dated by its confirmation.
  const tagSets = new Map<string, { identity: Identity; tags: string[]; book: string }>();
  for (const t of await db.selectFrom('tags').selectAll().execute()) {
    const identity = byId.get(t.identity_id);
    if (identity === undefined) continue;
    const key = `${t.book_id}\u0000${owner(t.identity_id)}`;
    const current = tagSets.get(key);
    if (current === undefined || identity.created_at > current.identity.created_at) {
      tagSets.set(key, { identity, tags: [t.tag], book: t.book_id });
    } else if (current.identity.id === identity.id) {
      current.tags.push(t.tag);
    }
  }
  await db.schema
    .createTable('tags_by_owner')
    .addColumn('book_id', 'varchar(80)', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('owner_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('set_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('tags_owner_pk', ['book_id', 'owner_id', 'tag'])
    .execute();
  await insertRows(
    db,
    'tags_by_owner',
    [...tagSets.values()].flatMap(({ identity, tags, book }) =>
      tags.map((tag) => ({
        book_id: book,
        owner_id: owner(identity.id),
        tag,
        set_at: identity.confirmed_at ?? identity.created_at,
      })),
    ),
  );
  await db.schema.dropTable('tags').execute();
  await db.schema.alterTable('tags_by_owner').renameTo('tags').execute();
  await db.schema.createIndex('tags_owner').on('tags').column('owner_id').execute();

  // Flags: one per owner and comment; the latest reason wins.
  const flags = new Map<string, Record<string, unknown> & { created_at: number }>();
  for (const f of await db.selectFrom('comment_flags').selectAll().execute()) {
    const key = `${f.comment_id}\u0000${owner(f.identity_id)}`;
    const previous = flags.get(key);
    if (previous === undefined || f.created_at > previous.created_at) {
      flags.set(key, {
        comment_id: f.comment_id,
        owner_id: owner(f.identity_id),
        reason: f.reason,
        created_at: f.created_at,
      });
    }
  }
  await db.schema
    .createTable('comment_flags_by_owner')
    .addColumn('comment_id', 'varchar(36)', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('owner_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('reason', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_flags_owner_pk', ['comment_id', 'owner_id'])
    .execute();
  await insertRows(db, 'comment_flags_by_owner', [...flags.values()]);
  await db.schema.dropTable('comment_flags').execute();
  await db.schema.alterTable('comment_flags_by_owner').renameTo('comment_flags').execute();
  await db.schema.createIndex('comment_flags_owner').on('comment_flags').column('owner_id').execute();

  // Seconds: one per owner and nomination; the first one stays.
  const seconds = new Map<string, Record<string, unknown> & { created_at: number }>();
  for (const s of await db.selectFrom('nomination_supporters').selectAll().execute()) {
    const key = `${s.nomination_id}\u0000${owner(s.identity_id)}`;
    const previous = seconds.get(key);
    if (previous === undefined || s.created_at < previous.created_at) {
      seconds.set(key, {
        nomination_id: s.nomination_id,
        owner_id: owner(s.identity_id),
        reason: s.reason,
        created_at: s.created_at,
      });
    }
  }
  await db.schema
    .createTable('nomination_supporters_by_owner')
    .addColumn('nomination_id', 'varchar(36)', (c) => c.notNull().references('nominations.id').onDelete('cascade'))
    .addColumn('owner_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('nomination_supporters_owner_pk', ['nomination_id', 'owner_id'])
    .execute();
  await insertRows(db, 'nomination_supporters_by_owner', [...seconds.values()]);
  await db.schema.dropTable('nomination_supporters').execute();
  await db.schema.alterTable('nomination_supporters_by_owner').renameTo('nomination_supporters').execute();
  await db.schema.createIndex('nomination_supporters_owner').on('nomination_supporters').column('owner_id').execute();

  const links = await db.selectFrom('review_links').selectAll().orderBy('created_at').orderBy('id').execute();
  const kept = new Set<string>();
  const renamed: { id: string; url: string }[] = [];
  for (const link of links) {
    let url: string = link.url;
    try {
      url = new URL(link.url).href;
    } catch {
      // A stored link the parser refuses stays as it is.
    }
    const key = `${link.book_id}\u0000${url}`;
    if (kept.has(key)) {
      await db.deleteFrom('review_links').where('id', '=', link.id).execute();
      continue;
    }
    kept.add(key);
    if (url !== link.url) renamed.push({ id: link.id, url });
  }
  for (const { id, url } of renamed) await db.updateTable('review_links').set({ url }).where('id', '=', id).execute();
}

export async function down(): Promise<void> {
  throw new Error('003-people merges identities into people and cannot be undone; restore a backup instead.');
}
