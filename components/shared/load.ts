/**
 * The four states every panel can be in besides "ready". Offline is its own
 * state, not an error: the reader can do nothing about an error, but offline
 * passes.
 */
import type { Result } from '../../lib/shared/messages/result';
import { OFFLINE } from '../ports';

export type Load<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'offline' } | { status: 'error'; message: string };

export const LOADING: Load<never> = { status: 'loading' };

/** A backend answer as a panel state. */
export function fromResult<T>(result: Result<T>): Load<T> {
  if (result.ok) return { status: 'ready', value: result.value };
  if (result.error.code === OFFLINE) return { status: 'offline' };
  return { status: 'error', message: result.error.message };
}

export function readyValue<T>(load: Load<T>): T | undefined {
  return load.status === 'ready' ? load.value : undefined;
}
