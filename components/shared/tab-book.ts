/**
 * A tab's book as a panel state. A view whose canon could not be asked (no
 * server, and not in the shipped snapshot) is the offline state: there is
 * nothing to show about it yet.
 */
import type { Result } from '../../lib/shared/messages/result';
import type { BookView, CanonStatus } from '../../lib/shared/messages/views';
import type { AnsweredBook } from '../ports';
import { fromResult, type Load } from './load';

export function tabBookLoad(result: Result<BookView | null>): Load<AnsweredBook | null> {
  if (!result.ok) return fromResult(result);
  const view = result.value;
  if (view === null) return { status: 'ready', value: null };
  if (view.canon === null) return { status: 'offline' };
  return { status: 'ready', value: view as AnsweredBook };
}

/** Shown from the cache past its expiry, or from the shipped snapshot because the server was not reached. */
export function isStale(canon: CanonStatus): boolean {
  return canon.stale || canon.origin === 'snapshot';
}
