import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  CanonIndexAnswer,
  CanonIndexRange,
  indexHash,
  indexKeysOf,
  INDEX_HASH_HEX,
  type CanonIndexHeader,
} from '../../lib/shared/api';
import { generateCanon, insertGeneratedCanon } from '../../scripts/generated-canon';
import { refreshCanonIndex, rotateIndexKey } from '../../server/canon-index/versions';
import { readSeedBooks } from '../../server/db/seed';
import { call, newIdentity } from './client';
import { backends, startCanonServer, type CanonServerHandle } from './harness';

const ADMIN = 'test-admin-token-0123456789abcdef';
const seed = readSeedBooks();

async function index(server: CanonServerHandle, query = '', headers: Record<string, string> = {}) {
  const reply = await call(server.api, 'GET', `/canon-index${query}`, { headers });
  return { ...reply, answer: reply.status === 200 ? v.parse(CanonIndexAnswer, reply.body) : null };
}

async function range(server: CanonServerHandle, prefix: string) {
  const reply = await call(server.api, 'GET', `/canon-index/range/${prefix}`);
  expect(reply.status).toBe(200);
  return v.parse(CanonIndexRange, reply.body);
}

/** What a browser does in prefix mode: hash the key, ask for its bucket, find the hash there. */
async function findByPrefix(server: CanonServerHandle, header: CanonIndexHeader, key: string) {
  const hash = (await indexHash(header.hashKey.secret, key)).slice(0, INDEX_HASH_HEX);
  const bucket = await range(server, hash.slice(0, header.prefixLength));
  return { hash, bucket, target: bucket.entries.find(([h]) => h === hash)?.[1] ?? null };
}

describe.each(backends())('canon index (%s)', (backend) => {
  let server: CanonServerHandle;
  beforeAll(async () => {
    server = await startCanonServer({ backend, config: { adminToken: ADMIN } });
  });
  afterAll(() => server?.stop());

  it('serves the whole canon as match keys, with an ETag that answers 304', async () => {
    const first = await index(server);
    expect(first.status).toBe(200);
    const answer = first.answer;
    if (answer?.kind !== 'full') throw new Error(`expected the whole index, got ${answer?.kind}`);
    expect(answer.header).toMatchObject({ mode: 'document', size: seed.length, minBucket: 16 });
    const weThink = answer.entries.find((e) => e.t === 'b:we-think');
    expect(weThink?.k).toEqual(expect.arrayContaining(['isbn:9781861978370', 'title:we think|leadbeater']));
    for (const book of seed) {
      expect(answer.entries.find((e) => e.t === `b:${book.id}`)?.k.sort()).toEqual(indexKeysOf(book).sort());
    }
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"ci-\d+-[\w-]+"$/);
    const again = await index(server, '', { 'If-None-Match': etag ?? '' });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect((await index(server, '', { 'If-None-Match': '"ci-0-other"' })).status).toBe(200);
    expect((await index(server, '?since=-1')).status).toBe(400);
  });

  it('answers a delta since a version after a nomination is confirmed, then accepted', async () => {
    const before = (await index(server)).answer;
    if (before?.kind !== 'full') throw new Error('expected the whole index');
    const v0 = before.header.version;

    const reader = await newIdentity(server);
    const nominated = await call(server.api, 'POST', '/nominations', {
      secret: reader.secret,
      body: { isbn: '9780306406157', title: 'Thinking in Systems', authors: ['Donella Meadows'], reason: 'Basics.' },
    });
    expect(nominated.status).toBe(201);
    // Not public until its nominator confirms: the index does not know it yet.
    expect((await index(server, `?since=${v0}`)).answer).toMatchObject({ kind: 'delta', added: [], removed: [] });
    await fetch((await server.nextMail(reader.email)).link ?? '');

    const afterConfirm = (await index(server, `?since=${v0}`)).answer;
    const target = `n:${nominated.body.id as string}`;
    expect(afterConfirm).toMatchObject({
      kind: 'delta',
      since: v0,
      added: [{ t: target, k: ['isbn:9780306406157', 'title:thinking in systems|meadows'] }],
      removed: [],
    });
    const v1 = afterConfirm!.header.version;
    expect(v1).toBeGreaterThan(v0);
    const byId = await call(server.api, 'GET', `/nominations/${nominated.body.id as string}`);
    expect(byId.body).toMatchObject({ id: nominated.body.id, status: 'open', isbn13: '9780306406157' });

    const accepted = await call(server.api, 'POST', `/admin/nominations/${nominated.body.id as string}/accept`, {
      secret: ADMIN,
      body: {},
    });
    expect(accepted.status).toBe(201);
    const afterAccept = (await index(server, `?since=${v1}`)).answer;
    expect(afterAccept).toMatchObject({
      kind: 'delta',
      added: [{ t: `b:${accepted.body.bookId as string}`, k: expect.arrayContaining(['isbn:9780306406157']) }],
      removed: [target],
    });
    // From the first version, the nomination came and went: only the entry is new.
    const fromStart = (await index(server, `?since=${v0}`)).answer;
    expect(fromStart).toMatchObject({ kind: 'delta', removed: [target] });
    expect(fromStart?.kind === 'delta' && fromStart.added.map((e) => e.t)).toEqual([`b:${accepted.body.bookId}`]);
    // A version the server never had gets the whole index.
    expect((await index(server, '?since=999999')).answer?.kind).toBe('full');
  });

  it('gives a new version and key when the key rotates, and the old ETag no longer matches', async () => {
    const first = await index(server);
    const rotated = await server.server.deps.write(({ trx }) => rotateIndexKey(trx, Date.now()));
    const second = await index(server, '', { 'If-None-Match': first.headers.get('etag') ?? '' });
    expect(second.status).toBe(200);
    expect(second.answer?.header.hashKey.id).toBe(rotated.keyId);
    expect(second.answer?.header.version).toBe(first.answer!.header.version + 1);
    expect(second.answer?.header.hashKey.secret).not.toBe(first.answer?.header.hashKey.secret);
  });
});

describe.each(backends())('canon index by prefix (%s)', (backend) => {
  const MIN_BUCKET = 40;
  let server: CanonServerHandle;
  let header: CanonIndexHeader;
  beforeAll(async () => {
    // Every canon counts as too large to send whole, so even today's small one is served by prefix.
    server = await startCanonServer({
      backend,
      config: { canonIndex: { minBucket: MIN_BUCKET, documentMaxGzipBytes: 0 } },
    });
    const answer = (await index(server)).answer;
    if (answer?.kind !== 'header') throw new Error(`expected the header alone, got ${answer?.kind}`);
    header = answer.header;
  });
  afterAll(() => server?.stop());

  it('finds every seeded book by a hash prefix of its ISBN and of its title key', async () => {
    expect(header).toMatchObject({ mode: 'prefix', prefixLength: 1, minBucket: MIN_BUCKET });
    for (const book of seed) {
      for (const key of indexKeysOf(book)) {
        expect((await findByPrefix(server, header, key)).target).toBe(`b:${book.id}`);
      }
    }
    expect((await findByPrefix(server, header, 'isbn:9780306406157')).target).toBeNull();
    expect((await call(server.api, 'GET', '/canon-index/range/AB')).status).toBe(400);
    expect((await call(server.api, 'GET', '/canon-index/range/ab')).status).toBe(400);
  });

  it('never answers a bucket smaller than the minimum, and answers alike for every book of a bucket', async () => {
    const keysByPrefix = new Map<string, string[]>();
    for (const book of seed) {
      for (const key of indexKeysOf(book)) {
        const prefix = (await indexHash(header.hashKey.secret, key)).slice(0, header.prefixLength);
        keysByPrefix.set(prefix, [...(keysByPrefix.get(prefix) ?? []), key]);
      }
    }
    for (const prefix of '0123456789abcdef') {
      const bucket = await range(server, prefix);
      expect(bucket.entries.length).toBeGreaterThanOrEqual(MIN_BUCKET);
      expect(bucket.entries.every(([hash]) => hash.startsWith(prefix) && hash.length === INDEX_HASH_HEX)).toBe(true);
      // Real entries plus decoys: the decoys fill exactly to the minimum, and they come in hash order.
      const real = bucket.entries.filter(([, target]) => target !== null).length;
      expect(real).toBe(keysByPrefix.get(prefix)?.length ?? 0);
      expect(bucket.entries.length).toBe(Math.max(MIN_BUCKET, real));
      expect(bucket.entries.map(([h]) => h)).toEqual(bucket.entries.map(([h]) => h).sort());
      // Whatever book of the bucket a browser had in mind, it asked the same thing and got the same bytes.
      const answers = new Set<string>();
      for (const key of keysByPrefix.get(prefix) ?? ['(no book)']) {
        const asked = (await indexHash(header.hashKey.secret, key)).slice(0, header.prefixLength);
        expect(asked === prefix || key === '(no book)').toBe(true);
        answers.add(JSON.stringify((await call(server.api, 'GET', `/canon-index/range/${prefix}`)).body));
      }
      expect(answers.size).toBe(1);
    }
  });

  it('serves a generated 100,000-book canon by prefix', { timeout: 240_000 }, async () => {
    const books = generateCanon(100_000);
    await insertGeneratedCanon(server.server.deps.db, books, Date.now());
    await server.server.deps.write(({ trx }) => refreshCanonIndex(trx, Date.now()));
    const answer = (await index(server)).answer;
    if (answer?.kind !== 'header') throw new Error('expected the header alone');
    const big = answer.header;
    expect(big.size).toBe(100_000 + seed.length);
    expect(big.gzipBytes).toBeGreaterThan(1_000_000);
    expect(big.prefixLength).toBe(3);
    const sizes: number[] = [];
    for (const book of books.filter((_, i) => i % 10_000 === 0)) {
      for (const key of indexKeysOf(book)) {
        const found = await findByPrefix(server, big, key);
        expect(found.target).toBe(`b:${book.id}`);
        sizes.push(found.bucket.entries.length);
      }
    }
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_BUCKET);
  });
});
