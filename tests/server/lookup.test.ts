import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { CanonEntry, LookupAnswer, LookupBatchAnswer } from '../../lib/shared/api';
import { readSeedBooks } from '../../server/db/seed';
import { call } from './client';
import { backends, startCanonServer, type CanonServerHandle } from './harness';

const seed = readSeedBooks();

describe.each(backends())('lookup (%s)', (backend) => {
  let server: CanonServerHandle;
  beforeAll(async () => {
    server = await startCanonServer({ backend });
  });
  afterAll(() => server?.stop());

  it('finds every seeded book by each of its ISBN-10s and ISBN-13s', async () => {
    for (const book of seed) {
      for (const isbn of [...book.isbn10, ...book.isbn13]) {
        const reply = await call(server.api, 'GET', `/books?isbn=${isbn}`);
        expect(reply.status).toBe(200);
        const answer = v.parse(LookupAnswer, reply.body);
        expect(answer.inCanon && answer.entry.id).toBe(book.id);
      }
    }
  });

  it('answers with the whole canon entry', async () => {
    const reply = await call(server.api, 'GET', `/books?isbn=${encodeURIComponent('ISBN 978-1-86197-837-0')}`);
    const entry = v.parse(CanonEntry, reply.body.entry);
    expect(entry).toMatchObject({
      id: 'we-think',
      title: 'We-Think',
      subtitle: 'Mass innovation, not mass production',
      authors: ['Charles Leadbeater'],
      publisher: 'Profile Books',
      year: 2009,
      published: '2009-07',
    });
    expect(entry.description).toMatch(/^Charles Leadbeater explores the ways in which mass collaboration/);
    expect(entry.description?.split('\n\n')).toHaveLength(2);
    expect(entry.isbn10).toEqual(expect.arrayContaining(['1861978375', '1847653898']));
    expect(entry.chapters[0]).toEqual({ title: 'You are what you share', source: 'canon' });
    expect(entry.chapters).toHaveLength(7);
    expect(entry.links.map((l) => l.url)).toContain('https://www.giarts.org/article/we-think');
    expect(entry.links.every((l) => l.source === 'canon')).toBe(true);
    expect(entry.rating).toEqual({
      average: null,
      count: 0,
      distribution: Object.fromEntries(['0.5', '1', '1.5', '2', '2.5', '3', '3.5', '4', '4.5', '5'].map((k) => [k, 0])),
      provisional: 0,
    });
    // The seed page's three comments of 2010.
    expect(entry.commentCount).toBe(3);
  });

  it('finds editions without an ISBN by title and author, ignoring case, accents and subtitle', async () => {
    for (const [title, author] of [
      ['We-Think', 'Charles Leadbeater'],
      ['we think: mass innovation, not mass production', 'leadbeater'],
      ['WE THINK', 'C. Leadbeater'],
    ]) {
      const reply = await call(
        server.api,
        'GET',
        `/books?title=${encodeURIComponent(title ?? '')}&author=${encodeURIComponent(author ?? '')}`,
      );
      expect(reply.body.inCanon, `${title} / ${author}`).toBe(true);
      expect(reply.body.entry.id).toBe('we-think');
    }
    const wrongAuthor = await call(server.api, 'GET', '/books?title=We-Think&author=Someone%20Else');
    expect(wrongAuthor.body).toEqual({ inCanon: false, nomination: null });
  });

  it('says clearly when a valid ISBN is not in the canon, and refuses a malformed one', async () => {
    const missing = await call(server.api, 'GET', '/books?isbn=9780306406157');
    expect(missing.status).toBe(200);
    expect(missing.body).toEqual({ inCanon: false, nomination: null });
    const bad = await call(server.api, 'GET', '/books?isbn=9780306406158');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const none = await call(server.api, 'GET', '/books');
    expect(none.status).toBe(400);
  });

  it('looks up many ISBNs at once, in order, with null for malformed ones', async () => {
    const isbns = ['1861978375', '9780306406157', 'not-an-isbn', ...seed.flatMap((b) => b.isbn13)];
    const reply = await call(server.api, 'POST', '/books/lookup', { body: { isbns } });
    expect(reply.status).toBe(200);
    const answer = v.parse(LookupBatchAnswer, reply.body);
    expect(answer.results.map((r) => r.isbn)).toEqual(isbns);
    expect(answer.results[0]?.answer?.inCanon).toBe(true);
    expect(answer.results[1]?.answer).toEqual({ inCanon: false, nomination: null });
    expect(answer.results[2]?.answer).toBeNull();
    const tooMany = await call(server.api, 'POST', '/books/lookup', { body: { isbns: Array(101).fill('1861978375') } });
    expect(tooMany.status).toBe(400);
  });

  it('serves an entry by id and a JSON 404 for an unknown one', async () => {
    expect((await call(server.api, 'GET', '/books/we-think')).body.title).toBe('We-Think');
    const missing = await call(server.api, 'GET', '/books/no-such-book');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    const noRoute = await call(server.api, 'GET', '/nowhere');
    expect(noRoute.status).toBe(404);
    expect(noRoute.body.error.code).toBe('not_found');
  });
});
