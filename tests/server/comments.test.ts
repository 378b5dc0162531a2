import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { CommentPage } from '../../lib/shared/api';
import { call, newIdentity, postComment } from './client';
import { backends, startCanonServer, type CanonServerHandle } from './harness';

async function commentRows(server: CanonServerHandle, identityId: string) {
  return server.server.deps.db.selectFrom('comments').select('id').where('identity_id', '=', identityId).execute();
}

describe.each(backends())('comments (%s)', (backend) => {
  let server: CanonServerHandle;
  beforeAll(async () => {
    server = await startCanonServer({ backend });
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
    expect(await commentRows(server, me.id)).toHaveLength(0);
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
