import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, newIdentity } from './client';
import { backends, startCanonServer, type CanonServerHandle } from './harness';

describe.each(backends())('ratings, tags and review links (%s)', (backend) => {
  let server: CanonServerHandle;
  beforeAll(async () => {
    server = await startCanonServer({ backend });
  });
  afterAll(() => server?.stop());
  const entry = async (id: string) => (await call(server.api, 'GET', `/books/${id}`)).body;

  it('summarises confirmed ratings and counts guest ones as provisional', async () => {
    const book = 'design-for-services';
    const a = await newIdentity(server, { confirm: true });
    const b = await newIdentity(server, { confirm: true });
    const guest = await newIdentity(server);
    expect(
      (await call(server.api, 'PUT', `/books/${book}/rating`, { secret: a.secret, body: { value: 4.5 } })).body,
    ).toMatchObject({ rating: 4.5, provisional: false });
    await call(server.api, 'PUT', `/books/${book}/rating`, { secret: b.secret, body: { value: 3 } });
    const mine = await call(server.api, 'PUT', `/books/${book}/rating`, { secret: guest.secret, body: { value: 0.5 } });
    expect(mine.body).toEqual({ bookId: book, rating: 0.5, tags: [], provisional: true });
    let rating = (await entry(book)).rating;
    expect(rating).toMatchObject({ average: 3.75, count: 2, provisional: 1 });
    expect(rating.distribution).toMatchObject({ '4.5': 1, '3': 1, '0.5': 0 });

    // Changing and removing a rating.
    await call(server.api, 'PUT', `/books/${book}/rating`, { secret: b.secret, body: { value: 5 } });
    expect((await entry(book)).rating.average).toBe(4.75);
    expect((await call(server.api, 'DELETE', `/books/${book}/rating`, { secret: a.secret })).body.rating).toBeNull();
    rating = (await entry(book)).rating;
    expect(rating).toMatchObject({ average: 5, count: 1 });
    for (const value of [0, 5.5, 2.25, '3', null]) {
      expect(
        (await call(server.api, 'PUT', `/books/${book}/rating`, { secret: a.secret, body: { value } })).status,
      ).toBe(400);
    }
  });

  it('counts a guest rating and tags as confirmed once the guest confirms', async () => {
    const book = 'total-design';
    const email = `late.${Date.now()}@example.org`;
    const reg = await call(server.api, 'POST', '/identities', { body: { name: 'Late', email } });
    await call(server.api, 'PUT', `/books/${book}/rating`, { secret: reg.body.secret, body: { value: 2 } });
    await call(server.api, 'PUT', `/books/${book}/tags`, { secret: reg.body.secret, body: { tags: ['Methods'] } });
    expect((await entry(book)).rating).toMatchObject({ count: 0, provisional: 1 });
    expect((await entry(book)).tags).toEqual([{ tag: 'methods', count: 0, provisionalCount: 1, provisional: true }]);
    await fetch((await server.nextMail(email)).link ?? '');
    expect((await entry(book)).rating).toMatchObject({ average: 2, count: 1, provisional: 0 });
    expect((await entry(book)).tags).toEqual([{ tag: 'methods', count: 1, provisionalCount: 0, provisional: false }]);
  });

  it('normalises tags and enforces their limits', async () => {
    const book = 'good-services';
    const me = await newIdentity(server, { confirm: true });
    const set = await call(server.api, 'PUT', `/books/${book}/tags`, {
      secret: me.secret,
      body: { tags: ['  Service   Design ', 'service design', 'ÉTHIQUE', 'policy'] },
    });
    expect(set.status).toBe(200);
    expect(set.body.tags).toEqual(['policy', 'service design', 'éthique']);
    expect(
      (
        await call(server.api, 'PUT', `/books/${book}/tags`, {
          secret: me.secret,
          body: { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) },
        })
      ).status,
    ).toBe(400);
    expect(
      (await call(server.api, 'PUT', `/books/${book}/tags`, { secret: me.secret, body: { tags: ['x'.repeat(33)] } }))
        .status,
    ).toBe(400);
    expect(
      (await call(server.api, 'PUT', `/books/${book}/tags`, { secret: me.secret, body: { tags: ['   '] } })).status,
    ).toBe(400);
    expect(
      (await call(server.api, 'PUT', `/books/${book}/tags`, { secret: me.secret, body: { tags: ['a\u0000b'] } }))
        .status,
    ).toBe(400);
    // Setting replaces; an empty list clears.
    expect(
      (await call(server.api, 'PUT', `/books/${book}/tags`, { secret: me.secret, body: { tags: [] } })).body.tags,
    ).toEqual([]);
    expect((await entry(book)).tags).toEqual([]);
  });

  it('accepts http(s) review links with a title and lists them once the reader is confirmed', async () => {
    const book = 'we-think';
    const me = await newIdentity(server, { confirm: true });
    const added = await call(server.api, 'POST', `/books/${book}/links`, {
      secret: me.secret,
      body: { url: 'https://example.org/review', title: 'A <b>review</b>' },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      link: { url: 'https://example.org/review', title: 'A <b>review</b>', source: 'reader' },
      published: true,
    });
    expect((await entry(book)).links).toContainEqual(added.body.link);
    expect(
      (
        await call(server.api, 'POST', `/books/${book}/links`, {
          secret: me.secret,
          body: { url: 'https://example.org/review', title: 'again' },
        })
      ).status,
    ).toBe(409);
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,hi',
      'ftp://example.org/x',
      'not a url',
      `https://example.org/${'x'.repeat(2000)}`,
    ]) {
      expect(
        (await call(server.api, 'POST', `/books/${book}/links`, { secret: me.secret, body: { url, title: 'x' } }))
          .status,
        url.slice(0, 30),
      ).toBe(400);
    }
    const guest = await newIdentity(server);
    const pending = await call(server.api, 'POST', `/books/${book}/links`, {
      secret: guest.secret,
      body: { url: 'https://spam.example/', title: 'cheap' },
    });
    expect(pending.body.published).toBe(false);
    expect((await entry(book)).links.map((l: { url: string }) => l.url)).not.toContain('https://spam.example/');
  });

  it('requires the identity secret for every write', async () => {
    for (const [method, path, body] of [
      ['PUT', '/books/we-think/rating', { value: 3 }],
      ['DELETE', '/books/we-think/rating', undefined],
      ['PUT', '/books/we-think/tags', { tags: [] }],
      ['POST', '/books/we-think/links', { url: 'https://x.org', title: 'x' }],
      ['GET', '/books/we-think/mine', undefined],
    ] as const) {
      expect((await call(server.api, method, path, { body })).status).toBe(401);
    }
  });
});
