/**
 * Upgrading a database written before people existed: identities of one
 * address (in any case) confirmed in several browsers become one person,
 * their ratings, tags, flags and seconds count once, and every comment stays.
 */
import { Migrator, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationProvider } from '../../server/db/migrations';
import { prepareDatabase } from '../../server/db/prepare';
import { readSeedBooks } from '../../server/db/seed';
import { backends, openDatabaseAt } from './harness';

const T0 = 1_700_000_000_000;
const BOOK = 'we-think';

describe.each(backends())('migrating to people (%s)', (backend) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('merges identities of one address into one person and keeps every comment', async () => {
    const db = await openDatabaseAt(backend, '001-initial', cleanups);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of the old schema
    const old = db as unknown as Kysely<any>;
    const seed = readSeedBooks().find((b) => b.id === BOOK);
    await old
      .insertInto('books')
      .values({
        id: BOOK,
        title: seed?.title,
        subtitle: null,
        authors: '[]',
        publisher: null,
        year: null,
        title_key: 'we think',
        created_at: T0,
      })
      .execute();
    const identity = (id: string, email: string, name: string, confirmedAt: number | null, createdAt: number) => ({
      id,
      name,
      email,
      email_canonical: email.replace(/@.*/, (d) => d.toLowerCase()),
      secret_hash: id.padEnd(64, '0'),
      confirmed_at: confirmedAt,
      created_at: createdAt,
    });
    const A = '00000000-0000-4000-8000-00000000000a';
    const B = '00000000-0000-4000-8000-00000000000b';
    const C = '00000000-0000-4000-8000-00000000000c';
    const G = '00000000-0000-4000-8000-00000000000d';
    const X = '00000000-0000-4000-8000-00000000000e';
    await old
      .insertInto('identities')
      .values([
        identity(A, 'Ada@example.org', 'Ada', T0 + 10, T0),
        identity(B, 'ada@EXAMPLE.org', 'Ada L.', T0 + 30, T0 + 20),
        identity(C, ' ADA@example.org', 'Ada Lovelace', T0 + 50, T0 + 40),
        identity(G, 'ada@example.org', 'Not yet', null, T0 + 60),
        identity(X, 'other@example.org', 'Other', T0 + 5, T0),
      ])
      .execute();
    await old
      .insertInto('ratings')
      .values([
        { book_id: BOOK, identity_id: A, half_stars: 1, updated_at: T0 + 100 },
        { book_id: BOOK, identity_id: B, half_stars: 9, updated_at: T0 + 300 },
        { book_id: BOOK, identity_id: C, half_stars: 1, updated_at: T0 + 200 },
        { book_id: BOOK, identity_id: G, half_stars: 2, updated_at: T0 + 400 },
      ])
      .execute();
    await old
      .insertInto('tags')
      .values([
        { book_id: BOOK, identity_id: A, tag: 'old' },
        { book_id: BOOK, identity_id: C, tag: 'new' },
        { book_id: BOOK, identity_id: C, tag: 'newer' },
      ])
      .execute();
    const comments = [A, B, C, G, X].map((who, i) => ({
      id: `00000000-0000-4000-9000-00000000000${i}`,
      book_id: BOOK,
      identity_id: who,
      body: `comment ${i}`,
      status: who === G ? 'waiting' : 'published',
      spoiler: 0,
      created_at: T0 + i,
    }));
    await old.insertInto('comments').values(comments).execute();
    const target = comments[4]?.id;
    await old
      .insertInto('comment_flags')
      .values([A, B, C].map((who, i) => ({ comment_id: target, identity_id: who, reason: 'spam', created_at: T0 + i })))
      .execute();
    await old
      .insertInto('nominations')
      .values({
        id: '00000000-0000-4000-a000-000000000001',
        isbn13: null,
        title: 'Nominated',
        title_key: 'nominated',
        authors: '["N"]',
        reason: 'r',
        identity_id: X,
        status: 'open',
        book_id: null,
        created_at: T0,
      })
      .execute();
    await old
      .insertInto('nomination_supporters')
      .values(
        [X, A, B, C].map((who, i) => ({
          nomination_id: '00000000-0000-4000-a000-000000000001',
          identity_id: who,
          reason: null,
          created_at: T0 + i,
        })),
      )
      .execute();
    await old
      .insertInto('review_links')
      .values([
        {
          id: '00000000-0000-4000-b000-000000000001',
          book_id: BOOK,
          identity_id: null,
          url: 'HTTPS://Example.org/review',
          title: 'one',
          created_at: T0,
        },
        {
          id: '00000000-0000-4000-b000-000000000002',
          book_id: BOOK,
          identity_id: A,
          url: 'https://example.org/review',
          title: 'two',
          created_at: T0 + 1,
        },
      ])
      .execute();

    await prepareDatabase(db, null);

    const people = await db.selectFrom('people').selectAll().orderBy('email_key').execute();
    expect(people.map((p) => [p.email_key, p.name])).toEqual([
      ['ada@example.org', 'Ada Lovelace'],
      ['other@example.org', 'Other'],
    ]);
    const ada = people[0]?.id;
    const ids = await db
      .selectFrom('identities')
      .select(['id', 'person_id', 'email_canonical'])
      .orderBy('id')
      .execute();
    expect(ids.map((i) => i.person_id)).toEqual([ada, ada, ada, null, people[1]?.id]);
    expect(new Set(ids.slice(0, 4).map((i) => i.email_canonical))).toEqual(new Set(['ada@example.org']));

    // One rating per reader: the person's latest (B's 4.5), and the unconfirmed one stays provisional.
    const ratings = await db.selectFrom('ratings').selectAll().orderBy('half_stars').execute();
    expect(ratings.map((r) => [r.owner_id, r.half_stars])).toEqual([
      [G, 2],
      [ada, 9],
    ]);
    // One tag set per reader: the browser registered last (C).
    const tags = await db.selectFrom('tags').select(['owner_id', 'tag']).orderBy('tag').execute();
    expect(tags).toEqual([
      { owner_id: ada, tag: 'new' },
      { owner_id: ada, tag: 'newer' },
    ]);
    expect(await db.selectFrom('comment_flags').select('owner_id').execute()).toEqual([{ owner_id: ada }]);
    const seconds = await db.selectFrom('nomination_supporters').select('owner_id').execute();
    expect(seconds.map((s) => s.owner_id).sort()).toEqual([ada, people[1]?.id].sort());
    // Every comment is kept.
    expect(await db.selectFrom('comments').select('id').orderBy('id').execute()).toEqual(
      comments.map((c) => ({ id: c.id })),
    );
    // Review links normalised, the later duplicate dropped.
    expect(await db.selectFrom('review_links').select(['url', 'title']).execute()).toEqual([
      { url: 'https://example.org/review', title: 'one' },
    ]);
  });

  it('keeps identities from before languages, with no language (English), and can step back', async () => {
    const db = await openDatabaseAt(backend, '004-canon-text', cleanups);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of the old schema
    const old = db as unknown as Kysely<any>;
    const id = '00000000-0000-4000-8000-0000000000aa';
    await old
      .insertInto('identities')
      .values({
        id,
        name: 'Before',
        email: 'before@example.org',
        email_canonical: 'before@example.org',
        secret_hash: 'h'.repeat(64),
        confirmed_at: null,
        person_id: null,
        revoked_at: null,
        created_at: T0,
      })
      .execute();
    await prepareDatabase(db, null);
    expect(await db.selectFrom('identities').select(['id', 'language']).execute()).toEqual([{ id, language: null }]);
    await db.updateTable('identities').set({ language: 'ja' }).where('id', '=', id).execute();
    expect((await db.selectFrom('identities').select('language').executeTakeFirst())?.language).toBe('ja');

    const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo('004-canon-text');
    expect(error).toBeUndefined();
    expect(await old.selectFrom('identities').selectAll().executeTakeFirst()).not.toHaveProperty('language');
  });
});
