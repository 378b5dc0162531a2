import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../lib/background/dispatch';
import { canonLookup } from '../../lib/background/canon/lookup';
import { loadCanonSnapshot } from '../../lib/background/canon/snapshot';
import { seedIndexFromSnapshot } from '../../lib/background/canon-index/state';
import { snapshotEntry } from '../../lib/shared/canon-snapshot';
import { DEFAULT_CANON_URL } from '../../lib/shared/settings/items';
import { buildCanonSnapshot } from '../../scripts/canon-snapshot';
import { CACHE_FRESH_MS } from '../../lib/background/core/limits';
import type { ExportFile } from '../../lib/shared/messages/payloads';
import type { PendingWrite } from '../../lib/shared/messages/views';
import { senders, startHarness, type Harness } from './support/background-harness';

const MISS = { inCanon: false, nomination: null };
let h: Harness;
let clock: number;
let answers: Response[];

beforeEach(async () => {
  answers = [];
  h = await startHarness(async () => answers.shift() ?? new Response('{}', { status: 503 }));
  clock = 1_700_000_000_000;
  h.ctx.now = () => clock;
});
afterEach(() => h.ctx.db.close());

describe('canon lookups', () => {
  const WE_THINK = { isbn13: ['9781861978370'], title: 'We-Think', authors: ['Charles Leadbeater'] };
  const entry = (title: string) => ({ ...snapshotEntry(snapshotBook('we-think')), title });
  const seed = async () => {
    await loadCanonSnapshot(h.ctx.db, buildCanonSnapshot());
    await seedIndexFromSnapshot(h.ctx.db, clock);
  };

  it('answers "not in the canon" from the index for a book it does not know, asking no one', async () => {
    await seed();
    const book = { isbn13: ['9780439352468'], title: 'Sabriel', authors: ['Garth Nix'] };
    expect(await canonLookup(h.ctx, book)).toMatchObject({ answer: MISS, origin: 'index', stale: false });
    expect(h.fetchCalls).toEqual([]);
    expect(await canonLookup(h.ctx, { isbn13: [], authors: [] })).toBeNull();
  });

  it('looks a known book up by its canon id, and serves it stale past expiry while revalidating', async () => {
    await seed();
    answers.push(new Response(JSON.stringify(entry('We-Think'))));
    expect(await canonLookup(h.ctx, WE_THINK)).toMatchObject({ origin: 'server', stale: false });
    expect(h.fetchCalls).toEqual([`GET ${DEFAULT_CANON_URL}/api/v1/books/we-think`]);
    // By title and author alone, the same entry and no second request.
    expect(await canonLookup(h.ctx, { isbn13: [], title: 'We think', authors: ['C. Leadbeater'] })).toMatchObject({
      answer: { inCanon: true, entry: { id: 'we-think' } },
    });
    expect(h.fetchCalls).toHaveLength(1);
    clock += CACHE_FRESH_MS.canonHit + 1;
    answers.push(new Response(JSON.stringify(entry('We-Think, revised'))));
    expect(await canonLookup(h.ctx, WE_THINK)).toMatchObject({ stale: true, answer: { entry: { title: 'We-Think' } } });
    // The refresh runs behind the stale answer.
    await vi.waitFor(() => expect(h.fetchCalls).toHaveLength(2));
    await vi.waitFor(async () =>
      expect(await canonLookup(h.ctx, WE_THINK)).toMatchObject({
        stale: false,
        answer: { entry: { title: 'We-Think, revised' } },
      }),
    );
  });

  it('rejects an answer that does not match the contract and falls back to the embedded canon', async () => {
    await seed();
    answers.push(new Response(JSON.stringify({ id: 42 })));
    expect(await canonLookup(h.ctx, WE_THINK)).toMatchObject({
      origin: 'snapshot',
      answer: { inCanon: true, entry: { id: 'we-think', rating: { count: 0 } } },
    });
  });
});

describe('settings', () => {
  it('asks for the host permission of a custom server before using it', async () => {
    expect(
      await dispatch(h.ctx, 'setServerAddress', { url: 'https://canon.example.org/path' }, senders.options),
    ).toMatchObject({
      ok: false,
      error: { code: 'permission-required' },
    });
    h.granted.add('https://canon.example.org/*');
    expect(
      await dispatch(h.ctx, 'setServerAddress', { url: 'https://canon.example.org/path' }, senders.options),
    ).toMatchObject({
      ok: true,
      value: { serverUrl: 'https://canon.example.org' },
    });
    expect(await dispatch(h.ctx, 'updateSettings', { anySite: true }, senders.options)).toMatchObject({
      ok: false,
      error: { code: 'permission-required' },
    });
    expect(
      await dispatch(h.ctx, 'updateSettings', { sidebar: { side: 'left' }, theme: 'dark' }, senders.sidebarFrame),
    ).toMatchObject({
      ok: true,
      value: { sidebar: { side: 'left', open: false, placement: 'page' }, theme: 'dark' },
    });
  });
});

describe('export and import', () => {
  it('round-trips unsent writes under their original ids, without the secret', async () => {
    const posted = await dispatch(
      h.ctx,
      'postComment',
      { bookId: 'we-think', body: 'Slow and good.' },
      senders.sidebarFrame,
    );
    const exported = await dispatch(h.ctx, 'exportData', undefined, senders.options);
    expect(exported.ok).toBe(true);
    const file = (exported as { value: ExportFile }).value;
    expect(JSON.stringify(file)).not.toMatch(/secret/i);
    expect(file.writes.map((w) => w.id)).toEqual([(posted as { value: PendingWrite }).value.id]);

    const fresh = await startHarness(async () => new Response('{}', { status: 503 }));
    expect(await dispatch(fresh.ctx, 'importData', file, senders.options)).toEqual({ ok: true, value: { writes: 1 } });
    expect(await dispatch(fresh.ctx, 'importData', file, senders.options)).toEqual({ ok: true, value: { writes: 0 } });
    const listed = await dispatch(fresh.ctx, 'listOutbox', undefined, senders.options);
    expect(listed.ok && (listed.value as PendingWrite[]).map((w) => [w.id, w.state])).toEqual([
      [file.writes[0]!.id, 'waiting-for-identity'],
    ]);
    fresh.ctx.db.close();
  });
});

function snapshotBook(id: string) {
  const book = buildCanonSnapshot().books.find((b) => b.id === id);
  if (book === undefined) throw new Error(`no ${id} in the snapshot`);
  return book;
}
