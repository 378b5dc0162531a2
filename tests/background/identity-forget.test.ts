import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../lib/background/dispatch';
import { identityFor, saveIdentity } from '../../lib/background/identity/record';
import { DEFAULT_CANON_URL } from '../../lib/shared/settings/items';
import { offline, senders, startHarness, type Harness } from './support/background-harness';

const IDENTITY = {
  server: DEFAULT_CANON_URL,
  id: 'identity-1',
  secret: 'secret-secret-secret',
  name: 'Ada',
  email: 'ada@example.org',
  confirmed: false,
  confirmedAt: null,
  registeredAt: 0,
  checkedAt: 0,
  rejected: false,
};

let h: Harness;
afterEach(() => h?.ctx.db.close());

describe('forgetting the identity', () => {
  it('tells the server (with the secret) before the record goes', async () => {
    const asked: { method: string; url: string; auth: string | null }[] = [];
    h = await startHarness(async (input, init) => {
      asked.push({ method: init?.method ?? 'GET', url: input, auth: new Headers(init?.headers).get('Authorization') });
      return new Response(null, { status: 204 });
    });
    await saveIdentity(h.ctx.db, IDENTITY);
    expect(await dispatch(h.ctx, 'forgetIdentity', undefined, senders.options)).toEqual({ ok: true, value: null });
    expect(asked).toEqual([
      { method: 'DELETE', url: `${DEFAULT_CANON_URL}/api/v1/identities/me`, auth: `Bearer ${IDENTITY.secret}` },
    ]);
    expect(await identityFor(h.ctx.db, DEFAULT_CANON_URL)).toBeNull();
  });

  it('forgets it here even when the server cannot be reached', async () => {
    h = await startHarness(offline);
    await saveIdentity(h.ctx.db, IDENTITY);
    expect((await dispatch(h.ctx, 'forgetIdentity', undefined, senders.options)).ok).toBe(true);
    expect(await identityFor(h.ctx.db, DEFAULT_CANON_URL)).toBeNull();
  });
});
