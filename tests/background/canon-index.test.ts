import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decideKnown } from '../../lib/background/canon-index/known';
import { readIndexState, seedIndexFromSnapshot } from '../../lib/background/canon-index/state';
import { syncCanonIndex } from '../../lib/background/canon-index/sync';
import { loadCanonSnapshot } from '../../lib/background/canon/snapshot';
import { canonServerItem } from '../../lib/shared/settings/items';
import { buildCanonSnapshot } from '../../scripts/canon-snapshot';
import { call, newIdentity } from '../server/client';
import { startCanonServer, type CanonServerHandle } from '../server/harness';
import { startHarness, type Harness } from './support/background-harness';

const WE_THINK = { isbn13: ['9781861978370'], title: 'We-Think', authors: ['Charles Leadbeater'] };
const SYSTEMS = { isbn13: ['9780306406157'], title: 'Thinking in Systems: A Primer', authors: ['Donella H. Meadows'] };
const UNKNOWN = { isbn13: ['9780134763385'], title: 'Designing Connected Content', authors: ['Carrie Hane'] };

/**
 * A background whose fetch records what it sent and what came back, against `server`; `beforeAnswer`, given
 * the request's number from 0, may hold an answer back before the background sees it.
 */
async function backgroundFor(server: CanonServerHandle, beforeAnswer?: (request: number) => Promise<void>) {
  const statuses: number[] = [];
  const headers: Record<string, string>[] = [];
  const h = await startHarness(async (input, init) => {
    headers.push({ ...(init?.headers as Record<string, string>) });
    const response = await fetch(input, init);
    statuses.push(response.status);
    await beforeAnswer?.(statuses.length - 1);
    return response;
  });
  await canonServerItem.setValue(new URL(server.url).origin);
  await loadCanonSnapshot(h.ctx.db, buildCanonSnapshot());
  await seedIndexFromSnapshot(h.ctx.db, Date.now());
  return { h, statuses, headers };
}

describe('the canon index in the background, against the real server (document mode)', () => {
  let server: CanonServerHandle;
  let h: Harness;
  let statuses: number[];
  let headers: Record<string, string>[];
  beforeAll(async () => {
    server = await startCanonServer();
    ({ h, statuses, headers } = await backgroundFor(server));
  });
  afterAll(async () => {
    h.ctx.db.close();
    await server.stop();
  });

  it('decides from the shipped seed before any sync, with no request', async () => {
    expect(await decideKnown(h.ctx, WE_THINK)).toMatchObject({ kind: 'known', target: 'b:we-think' });
    // By title and surname alone, subtitle and initials notwithstanding.
    expect(
      await decideKnown(h.ctx, { isbn13: [], title: 'We think: mass innovation', authors: ['C. Leadbeater'] }),
    ).toMatchObject({ kind: 'known', target: 'b:we-think' });
    expect(await decideKnown(h.ctx, UNKNOWN)).toMatchObject({ kind: 'unknown' });
    expect(await decideKnown(h.ctx, { isbn13: [], authors: ['Anyone'] })).toEqual({ kind: 'unidentified' });
    expect(h.fetchCalls).toEqual([]);
  });

  it('syncs the whole index, then revalidates by ETag, then takes a delta when a nomination goes public', async () => {
    expect(await syncCanonIndex(h.ctx)).toBe('replaced');
    expect(h.fetchCalls).toEqual([`GET ${server.api}/canon-index`]);
    const state = await readIndexState(h.ctx.db);
    expect(state).toMatchObject({ server: new URL(server.url).origin, header: { mode: 'document' } });

    expect(await syncCanonIndex(h.ctx)).toBe('unchanged');
    expect(statuses.at(-1)).toBe(304);
    expect(headers.at(-1)?.['If-None-Match']).toBe(state?.etag);
    expect(h.fetchCalls.at(-1)).toBe(`GET ${server.api}/canon-index?since=${state?.header?.version}`);

    expect(await decideKnown(h.ctx, SYSTEMS)).toMatchObject({ kind: 'unknown' });
    const reader = await newIdentity(server, { confirm: true });
    const nominated = await call(server.api, 'POST', '/nominations', {
      secret: reader.secret,
      body: { isbn: SYSTEMS.isbn13[0], title: 'Thinking in Systems', authors: ['Donella Meadows'], reason: 'Basics.' },
    });
    expect(nominated.status).toBe(201);
    expect(await syncCanonIndex(h.ctx)).toBe('delta');
    expect(await decideKnown(h.ctx, SYSTEMS)).toMatchObject({ kind: 'known', target: `n:${nominated.body.id}` });
    // Still nothing about any book in what was sent: only the index's own address and version.
    expect(h.fetchCalls.every((c) => /\/canon-index(\?since=\d+)?$/.test(c))).toBe(true);
  });

  it('keeps the index it has when the server cannot be reached', async () => {
    const before = await readIndexState(h.ctx.db);
    await canonServerItem.setValue('http://127.0.0.1:9');
    expect(await syncCanonIndex(h.ctx)).toBe('failed');
    expect((await readIndexState(h.ctx.db))?.header).toEqual(before?.header);
    expect(await decideKnown(h.ctx, WE_THINK)).toMatchObject({ kind: 'known', target: 'b:we-think' });
    await canonServerItem.setValue(new URL(server.url).origin);
  });
});

describe('the canon index in the background, against the real server (prefix mode)', () => {
  let server: CanonServerHandle;
  let h: Harness;
  beforeAll(async () => {
    // Any canon counts as too large to ship whole here, so the header alone comes and keys are asked by prefix.
    server = await startCanonServer({ config: { canonIndex: { minBucket: 16, documentMaxGzipBytes: 0 } } });
    ({ h } = await backgroundFor(server));
  });
  afterAll(async () => {
    h.ctx.db.close();
    await server.stop();
  });
  afterEach(() => void h.fetchCalls.splice(0));

  it('chooses prefix mode by the size the header gives, and holds no keys', async () => {
    expect(await syncCanonIndex(h.ctx)).toBe('header');
    expect((await readIndexState(h.ctx.db))?.header).toMatchObject({ mode: 'prefix', prefixLength: 1 });
    expect(await h.ctx.db.count('canonIndex')).toBe(0);
  });

  it('finds a canon book through its hash buckets, sending only prefixes, and caches the buckets', async () => {
    expect(await decideKnown(h.ctx, WE_THINK)).toMatchObject({ kind: 'known', target: 'b:we-think' });
    expect(h.fetchCalls.length).toBeGreaterThan(0);
    expect(h.fetchCalls.every((c) => /\/canon-index\/range\/[0-9a-f]$/.test(c))).toBe(true);
    const asked = h.fetchCalls.length;
    expect(await decideKnown(h.ctx, WE_THINK)).toMatchObject({ kind: 'known' });
    expect(h.fetchCalls).toHaveLength(asked);
    expect(await decideKnown(h.ctx, UNKNOWN)).toMatchObject({ kind: 'unknown' });
    expect(h.fetchCalls.every((c) => !c.includes('9780134763385') && !/connected|hane/i.test(c))).toBe(true);
  });
});

describe('a sync asked for while another runs', () => {
  let server: CanonServerHandle;
  afterAll(() => server?.stop());

  it('is answered by one more sync after it, so a change made after the first request is not missed', async () => {
    server = await startCanonServer();
    // The first index answer is held back until the canon has changed under it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let answered!: () => void;
    const firstAnswered = new Promise<void>((resolve) => (answered = resolve));
    const { h } = await backgroundFor(server, async (request) => {
      if (request > 0) return;
      answered();
      await held;
    });

    const first = syncCanonIndex(h.ctx);
    await firstAnswered;
    const reader = await newIdentity(server, { confirm: true });
    const nominated = await call(server.api, 'POST', '/nominations', {
      secret: reader.secret,
      body: { isbn: SYSTEMS.isbn13[0], title: 'Thinking in Systems', authors: ['Donella Meadows'], reason: 'Basics.' },
    });
    expect(nominated.status).toBe(201);
    // Two callers who learn of the change while the first sync runs share the one that follows it.
    const second = syncCanonIndex(h.ctx);
    expect(syncCanonIndex(h.ctx)).toBe(second);
    release();

    expect(await first).toBe('replaced');
    expect(await second).toBe('delta');
    expect(h.fetchCalls).toHaveLength(2);
    expect(await decideKnown(h.ctx, SYSTEMS)).toMatchObject({ kind: 'known', target: `n:${nominated.body.id}` });
    // Once the follower has run, a new call starts afresh.
    expect(await syncCanonIndex(h.ctx)).toBe('unchanged');
    expect(h.fetchCalls).toHaveLength(3);
    h.ctx.db.close();
  });
});
