import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../lib/background/dispatch';
import { saveIdentity } from '../../lib/background/identity/record';
import { listOutbox } from '../../lib/background/outbox/store';
import { DEFAULT_CANON_URL } from '../../lib/shared/settings/items';
import { senders, startHarness, type Harness } from './support/background-harness';

/** The canon server as the network lets the worker see it: down, then answering again. */
function switchableServer() {
  let up = false;
  const writes: string[] = [];
  return {
    writes,
    bringUp: () => void (up = true),
    fetch: async (input: string, init?: RequestInit) => {
      if (!up) throw new TypeError('Failed to fetch');
      if (init?.method === 'POST') {
        writes.push(input);
        return new Response(JSON.stringify({ id: 'c1' }), { status: 201 });
      }
      return new Response(JSON.stringify({ inCanon: false, nomination: null }), { status: 200 });
    },
  };
}

let h: Harness;
afterEach(() => h?.ctx.db.close());

describe('after an outage', () => {
  it('sends a write that could not reach the server as soon as the server answers anything', async () => {
    const server = switchableServer();
    let clock = Date.UTC(2026, 11, 2);
    h = await startHarness(
      (input, init) => server.fetch(input, init),
      () => clock,
    );
    await saveIdentity(h.ctx.db, {
      server: DEFAULT_CANON_URL,
      id: 'identity-1',
      secret: 'secret-secret-secret',
      name: 'Ada',
      email: 'ada@example.org',
      confirmed: true,
      confirmedAt: null,
      registeredAt: 0,
      checkedAt: 0,
      rejected: false,
    });
    const posted = await dispatch(
      h.ctx,
      'postComment',
      { bookId: 'we-think', body: 'Hello', spoiler: false },
      senders.sidebarFrame,
    );
    expect(posted.ok).toBe(true);
    await vi.waitFor(async () => expect((await listOutbox(h.ctx.db))[0]?.unreachable).toBe(true));
    const [waiting] = await listOutbox(h.ctx.db);
    expect(waiting!.notBefore).toBeGreaterThan(clock);

    // A moment later, well inside the backoff, the server is back; the first thing asked of it is a lookup.
    clock += 1_000;
    expect(waiting!.notBefore).toBeGreaterThan(clock);
    server.bringUp();
    await h.ctx.fetch(`${DEFAULT_CANON_URL}/api/v1/books?isbn=9781861978738`);
    await vi.waitFor(async () => expect(await listOutbox(h.ctx.db)).toEqual([]));
    expect(server.writes).toEqual([`${DEFAULT_CANON_URL}/api/v1/books/we-think/comments`]);
  });

  it('leaves a write refused by the server to its backoff', async () => {
    h = await startHarness(async () => new Response('{"error":{"code":"down","message":"Down."}}', { status: 503 }));
    await saveIdentity(h.ctx.db, {
      server: DEFAULT_CANON_URL,
      id: 'identity-1',
      secret: 'secret-secret-secret',
      name: 'Ada',
      email: 'ada@example.org',
      confirmed: true,
      confirmedAt: null,
      registeredAt: 0,
      checkedAt: 0,
      rejected: false,
    });
    await dispatch(h.ctx, 'postComment', { bookId: 'we-think', body: 'Hello', spoiler: false }, senders.sidebarFrame);
    await vi.waitFor(async () => expect((await listOutbox(h.ctx.db))[0]?.attempts).toBe(1));
    const [row] = await listOutbox(h.ctx.db);
    expect(row!.unreachable).toBe(false);
    await h.ctx.fetch(`${DEFAULT_CANON_URL}/api/v1/books?isbn=9781861978738`);
    for (const until = Date.now() + 300; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
      expect((await listOutbox(h.ctx.db))[0]!.notBefore).toBe(row!.notBefore);
    }
  });
});
