import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { NominationList } from '../../lib/shared/api';
import { call, newIdentity, postComment, register } from './client';
import { backends, startCanonServer, type CanonServerHandle } from './harness';

const ADMIN = 'test-admin-token-0123456789abcdef';

describe.each(backends())('nominations and moderation (%s)', (backend) => {
  let server: CanonServerHandle;
  beforeAll(async () => {
    server = await startCanonServer({ backend, config: { adminToken: ADMIN } });
  });
  afterAll(() => server?.stop());

  it('tells a reader their part in a nomination, as a person across browsers', async () => {
    const a = await newIdentity(server, { confirm: true });
    const nominated = await call(server.api, 'POST', '/nominations', {
      secret: a.secret,
      body: {
        title: 'The Mushroom at the End of the World',
        authors: ['Anna Tsing'],
        reason: 'Collaborative survival.',
      },
    });
    expect(nominated.status).toBe(201);
    const id = nominated.body.id as string;
    const mine = async (secret: string) => call(server.api, 'GET', `/nominations/${id}/mine`, { secret });

    expect((await mine(a.secret)).body).toEqual({ nominationId: id, nominated: true, supporting: true });
    // A second browser of the same person, confirmed with the same address: the nomination is theirs too.
    const aElsewhere = await register(server, 'Test Reader', a.email);
    await fetch((await server.nextMail(a.email)).link ?? '');
    expect((await mine(aElsewhere.secret)).body).toEqual({ nominationId: id, nominated: true, supporting: true });

    const b = await newIdentity(server, { confirm: true });
    expect((await mine(b.secret)).body).toEqual({ nominationId: id, nominated: false, supporting: false });
    await call(server.api, 'POST', `/nominations/${id}/seconds`, { secret: b.secret, body: {} });
    expect((await mine(b.secret)).body).toEqual({ nominationId: id, nominated: false, supporting: true });

    expect((await call(server.api, 'GET', `/nominations/${id}/mine`)).status).toBe(401);
    const missing = await call(server.api, 'GET', '/nominations/00000000-0000-4000-8000-000000000000/mine', {
      secret: b.secret,
    });
    expect(missing.status).toBe(404);
  });

  it('nominates a book not in the canon, seconds it, and shows the state in lookups', async () => {
    const a = await newIdentity(server, { confirm: true });
    const b = await newIdentity(server, { confirm: true });
    const nominated = await call(server.api, 'POST', '/nominations', {
      secret: a.secret,
      body: {
        isbn: '978-0-306-40615-7',
        title: 'Thinking in Systems',
        authors: ['Donella Meadows'],
        reason: 'Systems basics.',
      },
    });
    expect(nominated.status).toBe(201);
    expect(nominated.body).toMatchObject({ isbn13: '9780306406157', status: 'open', supporters: 1 });
    const seconded = await call(server.api, 'POST', `/nominations/${nominated.body.id}/seconds`, {
      secret: b.secret,
      body: { reason: 'Yes' },
    });
    expect(seconded.body.supporters).toBe(2);
    // Seconding twice counts once; nominating the same book again seconds it.
    expect(
      (await call(server.api, 'POST', `/nominations/${nominated.body.id}/seconds`, { secret: b.secret, body: {} })).body
        .supporters,
    ).toBe(2);
    const c = await newIdentity(server, { confirm: true });
    const again = await call(server.api, 'POST', '/nominations', {
      secret: c.secret,
      body: { title: 'Thinking in systems', authors: ['D. Meadows'], reason: 'Me too' },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: nominated.body.id, supporters: 3 });

    const lookup = await call(server.api, 'GET', '/books?isbn=0306406152');
    expect(lookup.body).toMatchObject({ inCanon: false, nomination: { id: nominated.body.id, supporters: 3 } });
    const list = v.parse(NominationList, (await call(server.api, 'GET', '/nominations')).body);
    expect(list.nominations.map((n) => n.id)).toContain(nominated.body.id);
    expect(
      (
        await call(server.api, 'POST', '/nominations', {
          secret: a.secret,
          body: { isbn: '1861978375', title: 'We-Think', authors: ['Charles Leadbeater'], reason: 'x' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call(server.api, 'POST', '/nominations', {
          secret: a.secret,
          body: { isbn: '123', title: 'X', authors: ['Y'], reason: 'x' },
        })
      ).status,
    ).toBe(400);
  });

  it('lets the admin accept a nomination into the canon', async () => {
    const a = await newIdentity(server, { confirm: true });
    const n = await call(server.api, 'POST', '/nominations', {
      secret: a.secret,
      body: { isbn: '9781861972712', title: 'The Art of Innovation', authors: ['Tom Kelley'], reason: 'IDEO' },
    });
    expect((await call(server.api, 'POST', `/admin/nominations/${n.body.id}/accept`, { body: {} })).status).toBe(401);
    const accepted = await call(server.api, 'POST', `/admin/nominations/${n.body.id}/accept`, {
      secret: ADMIN,
      body: {},
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.bookId).toBe('the-art-of-innovation');
    const found = await call(server.api, 'GET', '/books?isbn=1861972717');
    expect(found.body).toMatchObject({
      inCanon: true,
      entry: {
        id: 'the-art-of-innovation',
        title: 'The Art of Innovation',
        isbn10: ['1861972717'],
        nomination: { status: 'accepted' },
      },
    });
    expect(
      (await call(server.api, 'POST', `/admin/nominations/${n.body.id}/accept`, { secret: ADMIN, body: {} })).status,
    ).toBe(409);
  });

  it('shows waiting and flagged comments in the queue and applies decisions', async () => {
    const guest = await newIdentity(server);
    const waiting = await postComment(server, 'we-think', guest.secret, { body: 'Waiting for my mail' });
    const queue = await call(server.api, 'GET', '/admin/queue', { secret: ADMIN });
    expect(queue.status).toBe(200);
    expect(queue.body.comments.map((c: { id: string }) => c.id)).toContain(waiting.body.id);
    expect(JSON.stringify(queue.body)).not.toContain(guest.email);
    expect(
      (await call(server.api, 'POST', `/admin/comments/${waiting.body.id}/approve`, { secret: ADMIN })).status,
    ).toBe(200);
    expect(
      (await call(server.api, 'GET', '/books/we-think/comments')).body.comments.map((c: { id: string }) => c.id),
    ).toContain(waiting.body.id);
    expect((await call(server.api, 'POST', `/admin/comments/${waiting.body.id}/spam`, { secret: ADMIN })).status).toBe(
      200,
    );
    expect(
      (await call(server.api, 'GET', '/books/we-think/comments')).body.comments.map((c: { id: string }) => c.id),
    ).not.toContain(waiting.body.id);
    expect(
      (await call(server.api, 'POST', '/admin/comments/00000000-0000-0000-0000-000000000000/deny', { secret: ADMIN }))
        .status,
    ).toBe(404);
    expect((await call(server.api, 'GET', '/admin/queue', { secret: 'wrong-token-wrong-token-wrong' })).status).toBe(
      401,
    );
  });

  it('offers the same decisions from the command line', async () => {
    if (backend !== 'sqlite') return; // the CLI opens the configured database; one backend is enough to prove the wiring
    const guest = await newIdentity(server);
    const waiting = await postComment(server, 'we-think', guest.secret, { body: 'Decide me from a shell' });
    const env = { ...process.env, SQLITE_PATH: server.server.deps.config.sqlitePath, DATABASE_URL: '' };
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', 'admin', ...args], {
        env,
        encoding: 'utf8',
        timeout: 30_000,
      });
    const queue = run('queue');
    expect(queue.status, queue.stderr).toBe(0);
    expect(queue.stdout).toContain(waiting.body.id);
    const deny = run('deny', waiting.body.id);
    expect(deny.status, deny.stderr).toBe(0);
    const row = await server.server.deps.db
      .selectFrom('comments')
      .select('status')
      .where('id', '=', waiting.body.id)
      .executeTakeFirst();
    expect(row?.status).toBe('denied');
    expect(run('bogus').status).toBe(2);
  });
});
