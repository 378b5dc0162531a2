/** A tab's book as the sidebar and popup panels see it. */
import { describe, expect, it } from 'vitest';
import { isStale, tabBookLoad } from '../../components/shared/tab-book';
import { fail, ok } from '../../lib/shared/messages/result';
import type { CanonStatus } from '../../lib/shared/messages/views';
import { inCanonView, notInCanonView } from './fakes';

describe('a tab’s book as a panel state', () => {
  it('is ready with the view when the canon answered', () => {
    const view = inCanonView();
    expect(tabBookLoad(ok(view))).toEqual({ status: 'ready', value: view });
    const notInCanon = notInCanonView();
    expect(tabBookLoad(ok(notInCanon))).toEqual({ status: 'ready', value: notInCanon });
  });

  it('is ready with nothing for a tab that shows no book', () => {
    expect(tabBookLoad(ok(null))).toEqual({ status: 'ready', value: null });
  });

  it('is offline when neither the server nor the shipped snapshot could answer', () => {
    expect(tabBookLoad(ok(inCanonView({}, { canon: null })))).toEqual({ status: 'offline' });
  });

  it('is offline or an error as the background says', () => {
    expect(tabBookLoad(fail('offline', 'No network.'))).toEqual({ status: 'offline' });
    expect(tabBookLoad(fail('unreachable', 'The background did not answer.'))).toEqual({
      status: 'error',
      message: 'The background did not answer.',
    });
  });
});

describe('a stale canon answer', () => {
  const answer: CanonStatus = {
    answer: { inCanon: false, nomination: null },
    origin: 'server',
    fetchedAt: 0,
    stale: false,
  };

  it('is one from the cache past its expiry, or from the shipped snapshot', () => {
    expect(isStale(answer)).toBe(false);
    expect(isStale({ ...answer, stale: true })).toBe(true);
    expect(isStale({ ...answer, origin: 'snapshot' })).toBe(true);
  });
});
