/**
 * Every read-modify-write sent ten times at once, on SQLite and PostgreSQL:
 * no answer is a 5xx and the stored state is one that a single, serial
 * order of the same requests could have left.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../lib/shared/api';
import { UNLIMITED_RATE_LIMITS } from '../../server/limits';
import { call, newIdentity, postComment, register, type Reply } from './client';
import { backends, startCanonServer, type CanonServerHandle } from './harness';

const ADMIN = 'concurrency-admin-token-0123456789';
const TIMES = 10;

const times = <T>(n: number, f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => f(i)));

function no5xx(replies: Reply[]): void {
  const failed = replies.filter((r) => r.status >= 500);
  expect(failed.map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);
}

describe.each(backends())('ten at once (%s)', (backend) => {
  let server: CanonServerHandle;
  beforeAll(async () => {
    // Budgets off entirely: counting one in a transaction also queues writers, and the locks must hold on their own.
    server = await startCanonServer({ backend, config: { adminToken: ADMIN, rateLimits: UNLIMITED_RATE_LIMITS } });
  });
  afterAll(() => server?.stop());
  const db = () => server.server.deps.db;

  it('tag sets from one reader: one whole set survives, never more than the limit', async () => {
    const me = await newIdentity(server, { confirm: true });
    const sets = Array.from({ length: TIMES }, (_, i) =>
      Array.from({ length: LIMITS.tagsPerBook }, (_, j) => `set${i}-tag${j}`),
    );
    const replies = await times(TIMES, (i) =>
      call(server.api, 'PUT', '/books/we-think/tags', { secret: me.secret, body: { tags: sets[i] } }),
    );
    no5xx(replies);
    expect(replies.every((r) => r.status === 200)).toBe(true);
    const stored = (await call(server.api, 'GET', '/books/we-think/mine', { secret: me.secret })).body.tags as string[];
    expect(stored.length).toBeLessThanOrEqual(LIMITS.tagsPerBook);
    expect(sets.map((s) => [...s].sort().join())).toContain([...stored].sort().join());
  });

  it('tag sets from three browsers of one person: one set', async () => {
    const email = `tags.${randomUUID()}@example.org`;
    const browsers: { secret: string }[] = [];
    for (let i = 0; i < 3; i++) {
      browsers.push(await register(server, 'Tagger', email));
      await fetch((await server.nextMail(email)).link ?? '');
    }
    const replies = await times(TIMES, (i) =>
      call(server.api, 'PUT', '/books/good-services/tags', {
        secret: browsers[i % 3]?.secret,
        body: { tags: [`b${i}-x`, `b${i}-y`] },
      }),
    );
    no5xx(replies);
    const person = (await call(server.api, 'GET', '/books/good-services/mine', { secret: browsers[0]?.secret })).body;
    expect(person.tags).toHaveLength(2);
    expect(person.tags[0]?.replace(/-.*/, '')).toBe(person.tags[1]?.replace(/-.*/, ''));
  });

  it('ratings from one reader and from several browsers: one row', async () => {
    const email = `rater.${randomUUID()}@example.org`;
    const browsers: { secret: string }[] = [];
    for (let i = 0; i < 2; i++) {
      browsers.push(await register(server, 'Rater', email));
      await fetch((await server.nextMail(email)).link ?? '');
    }
    const replies = await times(TIMES, (i) =>
      call(server.api, 'PUT', '/books/total-design/rating', {
        secret: browsers[i % 2]?.secret,
        body: { value: (i % 10) / 2 + 0.5 },
      }),
    );
    no5xx(replies);
    const deletes = await times(TIMES, () =>
      call(server.api, 'DELETE', '/books/total-design/rating', { secret: browsers[0]?.secret }),
    );
    no5xx(deletes);
    const rows = await db().selectFrom('ratings').selectAll().where('book_id', '=', 'total-design').execute();
    expect(rows).toEqual([]);
    await times(TIMES, (i) =>
      call(server.api, 'PUT', '/books/total-design/rating', { secret: browsers[i % 2]?.secret, body: { value: 4 } }),
    );
    expect(await db().selectFrom('ratings').selectAll().where('book_id', '=', 'total-design').execute()).toHaveLength(
      1,
    );
  });

  it('flags from ten readers hide a comment once; ten flags from one reader are one', async () => {
    const author = await newIdentity(server, { confirm: true });
    const comment = await postComment(server, 'we-think', author.secret, { body: 'Flag me, all at once' });
    const single = await newIdentity(server, { confirm: true });
    no5xx(
      await times(TIMES, () =>
        call(server.api, 'POST', `/comments/${comment.body.id}/flags`, {
          secret: single.secret,
          body: { reason: 'spam' },
        }),
      ),
    );
    const readers = await times(TIMES, () => newIdentity(server, { confirm: true }));
    const replies = await times(TIMES, (i) =>
      call(server.api, 'POST', `/comments/${comment.body.id}/flags`, {
        secret: readers[i]?.secret,
        body: { reason: 'offensive' },
      }),
    );
    no5xx(replies);
    // The third flag hides it; flags arriving after that find no public comment.
    expect(replies.filter((r) => r.status === 202).length).toBeGreaterThanOrEqual(2);
    expect(replies.every((r) => r.status === 202 || r.status === 404)).toBe(true);
    const row = await db().selectFrom('comments').select('status').where('id', '=', comment.body.id).executeTakeFirst();
    expect(row?.status).toBe('held');
    const flags = await db()
      .selectFrom('comment_flags')
      .select('owner_id')
      .where('comment_id', '=', comment.body.id)
      .execute();
    expect(new Set(flags.map((f) => f.owner_id)).size).toBe(flags.length);
  });

  it('moderation decisions on one comment: it ends in one of the decided states', async () => {
    const guest = await newIdentity(server);
    const comment = await postComment(server, 'we-think', guest.secret, { body: 'Decide me ten times' });
    const decisions = ['approve', 'deny', 'spam'] as const;
    const replies = await times(TIMES, (i) =>
      call(server.api, 'POST', `/admin/comments/${comment.body.id}/${decisions[i % 3]}`, { secret: ADMIN }),
    );
    no5xx(replies);
    expect(replies.every((r) => r.status === 200)).toBe(true);
    const row = await db().selectFrom('comments').select('status').where('id', '=', comment.body.id).executeTakeFirst();
    expect(['published', 'denied', 'spam']).toContain(row?.status);
  });

  it('ten readers nominating one new book: one nomination with ten supporters', async () => {
    const readers = await times(TIMES, () => newIdentity(server, { confirm: true }));
    const title = `Simultaneous ${randomUUID()}`;
    const replies = await times(TIMES, (i) =>
      call(server.api, 'POST', '/nominations', {
        secret: readers[i]?.secret,
        body: { title, authors: ['Ann Author'], reason: `Reader ${i}` },
      }),
    );
    no5xx(replies);
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    const rows = await db().selectFrom('nominations').select('id').where('title', '=', title).execute();
    expect(rows).toHaveLength(1);
    const id = rows[0]?.id ?? '';
    const again = await times(TIMES, (i) =>
      call(server.api, 'POST', `/nominations/${id}/seconds`, { secret: readers[i]?.secret, body: {} }),
    );
    no5xx(again);
    expect(
      (await call(server.api, 'GET', '/nominations')).body.nominations.find((n: { id: string }) => n.id === id),
    ).toMatchObject({ supporters: TIMES });

    const accepts = await times(TIMES, () =>
      call(server.api, 'POST', `/admin/nominations/${id}/accept`, { secret: ADMIN, body: {} }),
    );
    no5xx(accepts);
    expect(accepts.filter((r) => r.status === 201)).toHaveLength(1);
    expect(accepts.filter((r) => r.status === 409)).toHaveLength(TIMES - 1);
  });

  it('one confirmation link followed ten times, and three browsers of one address confirming at once', async () => {
    const email = `linker.${randomUUID()}@example.org`;
    await register(server, 'Linker', email);
    const link = (await server.nextMail(email)).link ?? '';
    const statuses = await times(TIMES, async () => (await fetch(link)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 410)).toHaveLength(TIMES - 1);

    const shared = `joiner.${randomUUID()}@example.org`;
    const browsers = await times(3, () => register(server, 'Joiner', shared));
    const links = await times(3, async () => (await server.nextMail(shared)).link ?? '');
    expect(await times(3, async (i) => (await fetch(links[i] ?? '')).status)).toEqual([200, 200, 200]);
    const people = await db().selectFrom('people').select('id').where('email_key', '=', shared).execute();
    expect(people).toHaveLength(1);
    const joined = await db()
      .selectFrom('identities')
      .select('person_id')
      .where(
        'id',
        'in',
        browsers.map((b) => b.id),
      )
      .execute();
    expect(joined.every((j) => j.person_id === people[0]?.id)).toBe(true);
  });

  it('ten comments from one reader, each with its own key: ten rows', async () => {
    const me = await newIdentity(server, { confirm: true });
    const replies = await times(TIMES, (i) => postComment(server, 'we-think', me.secret, { body: `Parallel ${i}` }));
    no5xx(replies);
    expect(replies.map((r) => r.status)).toEqual(Array(TIMES).fill(201));
    const rows = await db().selectFrom('comments').select('id').where('identity_id', '=', me.id).execute();
    expect(rows).toHaveLength(TIMES);
  });

  it('deleting one comment ten times: one 204, the rest 404', async () => {
    const me = await newIdentity(server, { confirm: true });
    const comment = await postComment(server, 'we-think', me.secret, { body: 'Delete me ten times' });
    const replies = await times(TIMES, () =>
      call(server.api, 'DELETE', `/comments/${comment.body.id}`, { secret: me.secret }),
    );
    no5xx(replies);
    expect(replies.map((r) => r.status).sort()).toEqual([204, ...Array(TIMES - 1).fill(404)]);
  });

  it('answers NUL and other invalid path ids with a JSON 400, on every route that takes one', async () => {
    const me = await newIdentity(server, { confirm: true });
    const bad = ['%00', 'we-think%00', '%00%00', 'We-Think', 'a%20b', '%E2%80%AE', 'x'.repeat(81)];
    const routes: [string, (id: string) => string, unknown][] = [
      ['GET', (id) => `/books/${id}`, undefined],
      ['GET', (id) => `/books/${id}/comments`, undefined],
      ['GET', (id) => `/books/${id}/comments.atom`, undefined],
      ['GET', (id) => `/books/${id}/mine`, undefined],
      ['PUT', (id) => `/books/${id}/rating`, { value: 3 }],
      ['DELETE', (id) => `/books/${id}/rating`, undefined],
      ['PUT', (id) => `/books/${id}/tags`, { tags: ['x'] }],
      ['POST', (id) => `/books/${id}/links`, { url: 'https://example.org/r', title: 'r' }],
      ['POST', (id) => `/books/${id}/comments`, { body: 'hello' }],
      ['PATCH', (id) => `/comments/${id}`, { body: 'edited' }],
      ['DELETE', (id) => `/comments/${id}`, undefined],
      ['POST', (id) => `/comments/${id}/flags`, { reason: 'spam' }],
      ['POST', (id) => `/nominations/${id}/seconds`, {}],
    ];
    let checked = 0;
    for (const [method, path, body] of routes) {
      for (const id of bad) {
        const reply = await call(server.api, method, path(id), { secret: me.secret, body, key: randomUUID() });
        expect(reply.status, `${method} ${path(id)}`).toBe(400);
        expect(reply.body).toEqual({ error: { code: 'validation_failed', message: expect.any(String) } });
        checked++;
      }
    }
    for (const id of ['%00', 'not-a-uuid']) {
      for (const action of ['approve', 'deny', 'spam']) {
        expect((await call(server.api, 'POST', `/admin/comments/${id}/${action}`, { secret: ADMIN })).status).toBe(400);
        checked++;
      }
    }
    expect(checked).toBe(routes.length * bad.length + 6);
    // NUL in query values too.
    for (const query of ['?isbn=%00', '?title=%00&author=%00', '?title=a%00b&author=c']) {
      expect((await call(server.api, 'GET', `/books${query}`)).status).toBeLessThan(500);
    }
    expect((await call(server.api, 'GET', '/books/we-think/comments?cursor=%00')).status).toBe(400);
    expect((await call(server.api, 'GET', '/nominations?status=%00')).status).toBe(400);
  });
});
