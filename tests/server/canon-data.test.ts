/**
 * The canon as the seed page has it: its name and description from the
 * config, entries with a description and a publication date as precise as
 * known, and We-Think's three comments of 2010 imported as historic ones.
 */
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CanonInfo, CommentPage, DEFAULT_CANON_DESCRIPTION, DEFAULT_CANON_NAME } from '../../lib/shared/api';
import { loadCanonEntry } from '../../server/books/entry';
import { ConfigError, loadConfig } from '../../server/config';
import { prepareDatabase } from '../../server/db/prepare';
import { readSeedBooks } from '../../server/db/seed';
import { call } from './client';
import { backends, openDatabaseAt, startCanonServer, type CanonServerHandle } from './harness';

const seed = readSeedBooks();

describe.each(backends())('canon data (%s)', (backend) => {
  let server: CanonServerHandle;
  beforeAll(async () => {
    server = await startCanonServer({ backend });
  });
  afterAll(() => server?.stop());

  it('names and describes the canon, by default as the service design canon', async () => {
    const reply = await call(server.api, 'GET', '/canon');
    expect(reply.status).toBe(200);
    expect(v.parse(CanonInfo, reply.body)).toEqual({
      name: 'Service Design Canon',
      description: DEFAULT_CANON_DESCRIPTION,
      books: seed.length,
    });
  });

  it('dates every entry as precisely as its source: We-Think July 2009, the others by year', async () => {
    for (const book of seed) {
      const entry = (await call(server.api, 'GET', `/books/${book.id}`)).body;
      expect(entry.published, book.id).toBe(
        book.id === 'we-think' ? '2009-07' : book.year === null ? null : `${book.year}`,
      );
      expect(entry.year).toBe(book.year);
      if (book.id !== 'we-think') expect(entry.description).toBeNull();
    }
  });

  it('shows the seed page’s three comments, with their authors and times, as published', async () => {
    const reply = await call(server.api, 'GET', '/books/we-think/comments');
    const page = v.parse(CommentPage, reply.body);
    expect(page.comments.map((c) => [c.authorName, c.createdAt, c.status, c.mine])).toEqual([
      ['Jeff Howard', '2010-08-24T06:48:00.000Z', 'published', false],
      ['Qin Han', '2010-06-24T09:52:00.000Z', 'published', false],
      ['Daniela Sangiorgi', '2010-06-14T08:39:00.000Z', 'published', false],
    ]);
    expect(page.comments[2]?.body).toBe(
      'The section on Public Services 2.0 is particularly interesting as it provides with examples and inspiring ' +
        'directions for the development of the Welfare State.\n\nHow can Service Design practice open to Mass Innovation?',
    );
    expect(JSON.stringify(reply.body)).not.toContain('@');
  });

  it('marks them imported, with no address behind them and no browser that could speak for them', async () => {
    const rows = await server.server.deps.db
      .selectFrom('comments as c')
      .innerJoin('identities as i', 'i.id', 'c.identity_id')
      .select(['c.imported', 'i.email', 'i.secret_hash', 'i.revoked_at', 'i.person_id', 'i.confirmed_at'])
      .where('c.book_id', '=', 'we-think')
      .execute();
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({ imported: 1, email: '', person_id: null, confirmed_at: null });
      expect(row.secret_hash).toMatch(/^imported:/);
      expect(row.revoked_at).not.toBeNull();
    }
    const others = await server.server.deps.db
      .selectFrom('comments')
      .select('id')
      .where('imported', '=', 1)
      .where('book_id', '!=', 'we-think')
      .execute();
    expect(others).toEqual([]);
  });
});

describe('canon name from the config', () => {
  let server: CanonServerHandle;
  afterAll(() => server?.stop());

  it('answers with the configured name and description', async () => {
    server = await startCanonServer({
      config: { canonName: 'Kanon der Gestaltung', canonDescription: 'Bücher, die <wirklich> zählen.' },
    });
    const reply = await call(server.api, 'GET', '/canon');
    expect(reply.body).toMatchObject({ name: 'Kanon der Gestaltung', description: 'Bücher, die <wirklich> zählen.' });
  });

  it('reads CANON_NAME and CANON_DESCRIPTION, falls back to the defaults, and refuses control characters', () => {
    expect(loadConfig({}).canonName).toBe(DEFAULT_CANON_NAME);
    expect(loadConfig({ CANON_NAME: '  ' }).canonDescription).toBe(DEFAULT_CANON_DESCRIPTION);
    expect(loadConfig({ CANON_NAME: ' Our Canon ', CANON_DESCRIPTION: 'Books.' })).toMatchObject({
      canonName: 'Our Canon',
      canonDescription: 'Books.',
    });
    expect(() => loadConfig({ CANON_NAME: 'two\nlines' })).toThrow(ConfigError);
    expect(() => loadConfig({ CANON_NAME: 'x'.repeat(121) })).toThrow(ConfigError);
  });
});

describe.each(backends())('migrating to canon text (%s)', (backend) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('keeps an existing book and its comment, dated by its year', async () => {
    const db = await openDatabaseAt(backend, '003-people', cleanups);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of the old schema
    const old = db as unknown as Kysely<any>;
    const T0 = 1_700_000_000_000;
    await old
      .insertInto('books')
      .values([
        {
          id: 'old-book',
          title: 'Old',
          subtitle: null,
          authors: '["A"]',
          publisher: null,
          year: 2011,
          title_key: 'old',
          created_at: T0,
        },
        {
          id: 'undated',
          title: 'Undated',
          subtitle: null,
          authors: '["B"]',
          publisher: null,
          year: null,
          title_key: 'undated',
          created_at: T0,
        },
      ])
      .execute();
    await old
      .insertInto('identities')
      .values({
        id: '00000000-0000-4000-8000-000000000001',
        name: 'Reader',
        email: 'r@example.org',
        email_canonical: 'r@example.org',
        secret_hash: 'x',
        confirmed_at: T0,
        person_id: null,
        revoked_at: null,
        created_at: T0,
      })
      .execute();
    await old
      .insertInto('comments')
      .values({
        id: '00000000-0000-4000-8000-000000000002',
        book_id: 'old-book',
        identity_id: '00000000-0000-4000-8000-000000000001',
        body: 'Kept.',
        status: 'published',
        spoiler: 0,
        created_at: T0,
      })
      .execute();

    // A database with books is never seeded again: only the migration runs.
    await prepareDatabase(db, { books: seed, now: T0 });
    const entry = await loadCanonEntry(db, 'old-book');
    expect(entry).toMatchObject({ published: '2011', description: null, year: 2011, commentCount: 1 });
    expect(await loadCanonEntry(db, 'undated')).toMatchObject({ published: null, year: null });
    const comment = await db.selectFrom('comments').select('imported').executeTakeFirstOrThrow();
    expect(comment.imported).toBe(0);
    expect(await loadCanonEntry(db, 'we-think')).toBeNull();
  });
});
