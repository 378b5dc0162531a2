import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { Comment, CommentPage } from '../../lib/shared/api';
import { call, newIdentity, postComment } from './client';
import { backends, startCanonServer, type CanonServerHandle } from './harness';

async function commentRows(server: CanonServerHandle, identityId: string) {
  return server.server.deps.db.selectFrom('comments').select('id').where('identity_id', '=', identityId).execute();
}

async function revisions(server: CanonServerHandle, commentId: string) {
  return server.server.deps.db
    .selectFrom('comment_revisions')
    .select(['action', 'body', 'spoiler'])
    .where('comment_id', '=', commentId)
    .orderBy('at')
    .orderBy('body')
    .execute();
}

const ADMIN = 'test-admin-token-0123456789abcdef';

describe.each(backends())('comments (%s)', (backend) => {
  let server: CanonServerHandle;
  beforeAll(async () => {
    server = await startCanonServer({ backend, config: { adminToken: ADMIN } });
  });
  afterAll(() => server?.stop());

  it('replays the stored answer for the same key and body, once stored', async () => {
    const me = await newIdentity(server, { confirm: true });
    const key = randomUUID();
    const first = await postComment(server, 'we-think', me.secret, { body: 'Idempotent hello' }, key);
    const second = await postComment(server, 'we-think', me.secret, { body: 'Idempotent hello' }, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(await commentRows(server, me.id)).toHaveLength(1);
  });

  it('refuses the same key with another body (422) and a missing key (400)', async () => {
    const me = await newIdentity(server, { confirm: true });
    const key = randomUUID();
    expect((await postComment(server, 'we-think', me.secret, { body: 'one' }, key)).status).toBe(201);
    const other = await postComment(server, 'we-think', me.secret, { body: 'two' }, key);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
    const noKey = await call(server.api, 'POST', '/books/we-think/comments', {
      body: { body: 'three' },
      secret: me.secret,
    });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.code).toBe('idempotency_key_missing');
    expect(await commentRows(server, me.id)).toHaveLength(1);
  });

  it('stores one row for ten concurrent retries, each answered with the stored 201 or a 409', async () => {
    const me = await newIdentity(server, { confirm: true });
    const key = randomUUID();
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => postComment(server, 'we-think', me.secret, { body: 'Concurrent' }, key)),
    );
    const created = replies.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const r of replies) expect([201, 409]).toContain(r.status);
    for (const r of created) expect(r.body).toEqual(created[0]?.body);
    expect(await commentRows(server, me.id)).toHaveLength(1);
  });

  it('lists newest first in cursor pages without gaps or repeats', async () => {
    const me = await newIdentity(server, { confirm: true });
    const bookId = 'this-is-service-design-thinking';
    const bodies: string[] = [];
    for (let i = 0; i < 7; i++) {
      bodies.push(`page test ${i}`);
      expect((await postComment(server, bookId, me.secret, { body: `page test ${i}` })).status).toBe(201);
      server.clock.advance(1);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const reply = await call(
        server.api,
        'GET',
        `/books/${bookId}/comments?limit=3${cursor === null ? '' : `&cursor=${cursor}`}`,
      );
      const page = v.parse(CommentPage, reply.body);
      expect(page.comments.length).toBeLessThanOrEqual(3);
      seen.push(...page.comments.map((c) => c.body));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual([...bodies].reverse());
    expect((await call(server.api, 'GET', `/books/${bookId}/comments?cursor=bogus`)).status).toBe(400);
    expect((await call(server.api, 'GET', `/books/${bookId}/comments?limit=500`)).status).toBe(400);
    expect((await call(server.api, 'GET', '/books/unknown-book/comments')).status).toBe(404);
  });

  it('lets the author delete their own comment, and answers 404 to anyone else', async () => {
    const me = await newIdentity(server, { confirm: true });
    const other = await newIdentity(server, { confirm: true });
    const posted = await postComment(server, 'we-think', me.secret, { body: 'to be deleted' });
    expect((await call(server.api, 'DELETE', `/comments/${posted.body.id}`, { secret: other.secret })).status).toBe(
      404,
    );
    expect((await call(server.api, 'DELETE', `/comments/${posted.body.id}`)).status).toBe(401);
    expect((await call(server.api, 'DELETE', `/comments/${posted.body.id}`, { secret: me.secret })).status).toBe(204);
    // Kept for the moderators, with what it said.
    expect(await commentRows(server, me.id)).toHaveLength(1);
    expect(await revisions(server, posted.body.id)).toEqual([{ action: 'deleted', body: 'to be deleted', spoiler: 0 }]);
    expect((await call(server.api, 'DELETE', `/comments/${posted.body.id}`, { secret: me.secret })).status).toBe(404);
  });

  it('takes a deleted comment out of every listing, feed, page and count, but not off the desk', async () => {
    const me = await newIdentity(server, { confirm: true });
    const bookId = 'good-services';
    const words = `Deleted words ${randomUUID()}`;
    const posted = await postComment(server, bookId, me.secret, { body: words });
    const flagger = await newIdentity(server, { confirm: true });
    expect(
      (
        await call(server.api, 'POST', `/comments/${posted.body.id}/flags`, {
          secret: flagger.secret,
          body: { reason: 'offensive' },
        })
      ).status,
    ).toBe(202);
    const countBefore = (await call(server.api, 'GET', `/books/${bookId}`)).body.commentCount as number;
    const listed = async (secret?: string) =>
      (await call(server.api, 'GET', `/books/${bookId}/comments?limit=50`, { secret })).body.comments.map(
        (c: { body: string }) => c.body,
      );
    expect(await listed()).toContain(words);
    expect(await (await fetch(`${server.api}/books/${bookId}/comments.atom`)).text()).toContain(words);

    expect((await call(server.api, 'DELETE', `/comments/${posted.body.id}`, { secret: me.secret })).status).toBe(204);

    expect(await listed()).not.toContain(words);
    expect(await listed(me.secret)).not.toContain(words);
    expect(await (await fetch(`${server.api}/books/${bookId}/comments.atom`)).text()).not.toContain(words);
    expect(await (await fetch(`${server.api}/feeds/comments.atom`)).text()).not.toContain(words);
    expect(await (await fetch(`${server.url}/books/${bookId}`)).text()).not.toContain(words);
    expect(await (await fetch(`${server.url}/`)).text()).not.toContain(posted.body.id);
    expect((await call(server.api, 'GET', `/books/${bookId}`)).body.commentCount).toBe(countBefore - 1);
    // Neither flagged nor edited any more.
    expect(
      (
        await call(server.api, 'POST', `/comments/${posted.body.id}/flags`, {
          secret: flagger.secret,
          body: { reason: 'spam' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(server.api, 'PATCH', `/comments/${posted.body.id}`, { secret: me.secret, body: { body: 'back' } }))
        .status,
    ).toBe(404);

    const queue = (await call(server.api, 'GET', '/admin/queue', { secret: ADMIN })).body.comments;
    const kept = queue.find((c: { id: string }) => c.id === posted.body.id);
    expect(kept).toMatchObject({
      body: words,
      status: 'published',
      flags: { offensive: 1 },
      deletedAt: expect.any(String),
    });
  });

  it('lets the author edit their own comment, keeps what it said, and answers 404 to anyone else', async () => {
    const me = await newIdentity(server, { confirm: true });
    const other = await newIdentity(server, { confirm: true });
    const bookId = 'we-think';
    const posted = await postComment(server, bookId, me.secret, { body: 'First thoughts' });
    expect(posted.body.editedAt).toBeNull();
    const path = `/comments/${posted.body.id}`;

    expect((await call(server.api, 'PATCH', path, { secret: other.secret, body: { body: 'Not yours' } })).status).toBe(
      404,
    );
    expect((await call(server.api, 'PATCH', path, { body: { body: 'Nobody' } })).status).toBe(401);

    server.clock.advance(60_000);
    const edited = await call(server.api, 'PATCH', path, { secret: me.secret, body: { body: 'Second thoughts' } });
    expect(edited.status).toBe(200);
    expect(v.parse(Comment, edited.body)).toMatchObject({
      id: posted.body.id,
      body: 'Second thoughts',
      spoiler: false,
      status: 'published',
      mine: true,
      editedAt: expect.any(String),
    });
    expect(Date.parse(edited.body.editedAt)).toBeGreaterThanOrEqual(Date.parse(posted.body.createdAt) + 60_000);
    const listed = (await call(server.api, 'GET', `/books/${bookId}/comments`)).body.comments.find(
      (c: { id: string }) => c.id === posted.body.id,
    );
    expect(listed).toMatchObject({ body: 'Second thoughts', editedAt: edited.body.editedAt, mine: false });

    // The spoiler mark alone, then the same edit again: that one changes and records nothing.
    const marked = await call(server.api, 'PATCH', path, { secret: me.secret, body: { spoiler: true } });
    expect(marked.body).toMatchObject({ body: 'Second thoughts', spoiler: true });
    const again = await call(server.api, 'PATCH', path, {
      secret: me.secret,
      body: { body: 'Second thoughts', spoiler: true },
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(marked.body);
    expect(await revisions(server, posted.body.id)).toEqual([
      { action: 'edited', body: 'First thoughts', spoiler: 0 },
      { action: 'edited', body: 'Second thoughts', spoiler: 0 },
    ]);
    expect(
      (await call(server.api, 'PATCH', `/comments/${randomUUID()}`, { secret: me.secret, body: { body: 'x' } })).status,
    ).toBe(404);
  });

  it('refuses an edit that is empty, too long or not JSON with a clear 400, and changes nothing', async () => {
    const me = await newIdentity(server, { confirm: true });
    const posted = await postComment(server, 'we-think', me.secret, { body: 'Stays as it is' });
    const path = `/comments/${posted.body.id}`;
    const cases: [unknown, string, RegExp][] = [
      [{ body: '' }, 'validation_failed', /^body: Text must be/],
      [{ body: '  \n ' }, 'validation_failed', /^body: /],
      [{ body: 'x'.repeat(5_001) }, 'validation_failed', /^body: Text must be 1–5000 characters/],
      [{}, 'validation_failed', /body, the spoiler mark, or both/],
      [{ body: 'ok', extra: 1 }, 'validation_failed', /extra/],
      [{ spoiler: 'yes' }, 'validation_failed', /^spoiler: /],
      ['{"body": "unfinished', 'bad_request', /not valid JSON/],
    ];
    for (const [body, code, message] of cases) {
      const reply = await call(server.api, 'PATCH', path, { secret: me.secret, body });
      expect(reply.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(reply.body.error.code).toBe(code);
      expect(reply.body.error.message).toMatch(message);
    }
    const text = await call(server.api, 'PATCH', path, {
      secret: me.secret,
      body: 'body=hello',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    const row = await server.server.deps.db
      .selectFrom('comments')
      .select(['body', 'spoiler', 'edited_at'])
      .where('id', '=', posted.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ body: 'Stays as it is', spoiler: 0, edited_at: null });
    expect(await revisions(server, posted.body.id)).toEqual([]);
  });

  it('keeps a held comment held and a waiting one waiting when their authors edit them', async () => {
    const author = await newIdentity(server, { confirm: true });
    const bookId = 'good-services';
    const held = await postComment(server, bookId, author.secret, { body: 'Rude words' });
    for (let i = 0; i < 3; i++) {
      const flagger = await newIdentity(server, { confirm: true });
      await call(server.api, 'POST', `/comments/${held.body.id}/flags`, {
        secret: flagger.secret,
        body: { reason: 'offensive' },
      });
    }
    const edit = await call(server.api, 'PATCH', `/comments/${held.body.id}`, {
      secret: author.secret,
      body: { body: 'Kind words now' },
    });
    expect(edit.status).toBe(200);
    expect(edit.body.status).toBe('held');
    const publicIds = (await call(server.api, 'GET', `/books/${bookId}/comments?limit=50`)).body.comments.map(
      (c: { id: string }) => c.id,
    );
    expect(publicIds).not.toContain(held.body.id);
    const queued = (await call(server.api, 'GET', '/admin/queue', { secret: ADMIN })).body.comments.find(
      (c: { id: string }) => c.id === held.body.id,
    );
    expect(queued).toMatchObject({
      status: 'held',
      body: 'Kind words now',
      editedAt: expect.any(String),
      deletedAt: null,
      revisions: [{ action: 'edited', body: 'Rude words' }],
    });

    const newcomer = await newIdentity(server);
    const waiting = await postComment(server, bookId, newcomer.secret, { body: 'Before my address is confirmed' });
    expect(waiting.body.status).toBe('waiting');
    const edited = await call(server.api, 'PATCH', `/comments/${waiting.body.id}`, {
      secret: newcomer.secret,
      body: { body: 'Still before it' },
    });
    expect(edited.body).toMatchObject({ status: 'waiting', body: 'Still before it' });
    expect(
      (await call(server.api, 'GET', `/books/${bookId}/comments?limit=50`)).body.comments.map(
        (c: { id: string }) => c.id,
      ),
    ).not.toContain(waiting.body.id);
    // Deleted while waiting, nothing is left to decide: it leaves the queue.
    expect((await call(server.api, 'DELETE', `/comments/${waiting.body.id}`, { secret: newcomer.secret })).status).toBe(
      204,
    );
    const queue = (await call(server.api, 'GET', '/admin/queue', { secret: ADMIN })).body.comments;
    expect(queue.map((c: { id: string }) => c.id)).not.toContain(waiting.body.id);
  });

  it('hides a comment after enough flags from confirmed readers, and folds spoilers', async () => {
    const author = await newIdentity(server, { confirm: true });
    const bookId = 'good-services';
    const spam = await postComment(server, bookId, author.secret, { body: 'Buy cheap pills' });
    const spoiler = await postComment(server, bookId, author.secret, { body: 'The butler did it' });
    const guest = await newIdentity(server);
    // Unconfirmed identities cost nothing to make, so their flags do not hide anything.
    expect(
      (
        await call(server.api, 'POST', `/comments/${spam.body.id}/flags`, {
          secret: guest.secret,
          body: { reason: 'spam' },
        })
      ).status,
    ).toBe(202);
    const flaggers = [
      await newIdentity(server, { confirm: true }),
      await newIdentity(server, { confirm: true }),
      await newIdentity(server, { confirm: true }),
    ];
    for (const [i, f] of flaggers.entries()) {
      const list = await call(server.api, 'GET', `/books/${bookId}/comments`);
      expect(
        list.body.comments.map((c: { id: string }) => c.id),
        `before flag ${i + 1}`,
      ).toContain(spam.body.id);
      expect(
        (
          await call(server.api, 'POST', `/comments/${spam.body.id}/flags`, {
            secret: f.secret,
            body: { reason: i === 0 ? 'offensive' : 'spam' },
          })
        ).status,
      ).toBe(202);
    }
    const after = await call(server.api, 'GET', `/books/${bookId}/comments`);
    expect(after.body.comments.map((c: { id: string }) => c.id)).not.toContain(spam.body.id);
    const authorView = await call(server.api, 'GET', `/books/${bookId}/comments`, { secret: author.secret });
    expect(authorView.body.comments.find((c: { id: string }) => c.id === spam.body.id)?.status).toBe('held');
    // A hidden comment cannot be flagged further: it is not public.
    expect(
      (
        await call(server.api, 'POST', `/comments/${spam.body.id}/flags`, {
          secret: guest.secret,
          body: { reason: 'spam' },
        })
      ).status,
    ).toBe(404);

    expect(
      (
        await call(server.api, 'POST', `/comments/${spoiler.body.id}/flags`, {
          secret: flaggers[0]?.secret,
          body: { reason: 'spoiler' },
        })
      ).status,
    ).toBe(202);
    const folded = (await call(server.api, 'GET', `/books/${bookId}/comments`)).body.comments.find(
      (c: { id: string }) => c.id === spoiler.body.id,
    );
    expect(folded).toMatchObject({ spoiler: true, status: 'published' });
    expect(
      (
        await call(server.api, 'POST', `/comments/${spoiler.body.id}/flags`, {
          secret: guest.secret,
          body: { reason: 'rude' },
        })
      ).status,
    ).toBe(400);
  });

  it('refuses comments that are empty or over 5,000 characters, and posts to unknown books', async () => {
    const me = await newIdentity(server, { confirm: true });
    for (const body of ['', '   \n ', 'x'.repeat(5_001)]) {
      expect((await postComment(server, 'we-think', me.secret, { body })).status).toBe(400);
    }
    expect((await postComment(server, 'we-think', me.secret, { body: '😀'.repeat(5_000) })).status).toBe(201);
    expect((await postComment(server, 'no-such-book', me.secret, { body: 'hi' })).status).toBe(404);
    expect((await postComment(server, 'we-think', me.secret, { body: 'hi', extra: 1 })).status).toBe(400);
  });
});
