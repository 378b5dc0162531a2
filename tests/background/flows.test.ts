import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../lib/background/dispatch';
import { canonLookup } from '../../lib/background/canon/lookup';
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
  it('caches "not in the canon", serves it stale past expiry while revalidating', async () => {
    answers.push(new Response(JSON.stringify(MISS)));
    const book = { isbn13: ['9780439352468'], authors: [] };
    expect(await canonLookup(h.ctx, book)).toMatchObject({ answer: MISS, origin: 'server', stale: false });
    expect(await canonLookup(h.ctx, book)).toMatchObject({ stale: false });
    expect(h.fetchCalls).toHaveLength(1);
    clock += CACHE_FRESH_MS.canonMiss + 1;
    answers.push(new Response(JSON.stringify(MISS)));
    expect(await canonLookup(h.ctx, book)).toMatchObject({ answer: MISS, stale: true });
    // The refresh runs behind the stale answer.
    await vi.waitFor(() => expect(h.fetchCalls).toHaveLength(2));
    expect(await canonLookup(h.ctx, book)).toMatchObject({ stale: false });
  });

  it('rejects an answer that does not match the contract and falls back to the embedded canon', async () => {
    answers.push(new Response(JSON.stringify({ inCanon: true, entry: { id: 42 } })));
    expect(await canonLookup(h.ctx, { isbn13: ['9780439352468'], authors: [] })).toMatchObject({
      origin: 'snapshot',
      answer: MISS,
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
