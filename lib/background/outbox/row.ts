/**
 * Outbox rows and their state transitions, as pure functions of (row, answer,
 * time, randomness). Side effects live in lib/background/outbox/store and flush.
 */
import {
  OUTBOX_BACKOFF_BASE_MS,
  OUTBOX_BACKOFF_CAP_MS,
  OUTBOX_LEASE_MS,
  OUTBOX_RETRY_AFTER_MAX_MS,
} from '../core/limits';
import type { CanonResponse } from '../canon-client/http';
import type { OutboxRow } from '../database/schema';

/** A row another sender may take now. */
export function isSendable(row: OutboxRow, now: number): boolean {
  if (row.state === 'failed') return false;
  if (row.state === 'sending' && row.leaseUntil > now) return false;
  return row.notBefore <= now;
}

/** Any unfinished row holds back later writes with the same order key; a failed one is set aside. */
export function blocksLater(row: OutboxRow): boolean {
  return row.state !== 'failed';
}

export function leased(row: OutboxRow, now: number): OutboxRow {
  return { ...row, state: 'sending', leaseUntil: now + OUTBOX_LEASE_MS };
}

export type Settlement =
  | { action: 'delete' }
  | { action: 'fail'; row: OutboxRow }
  | { action: 'retry'; row: OutboxRow }
  /** The server no longer knows the identity: keep the row until the reader registers again. */
  | { action: 'await-identity'; row: OutboxRow };

/** Capped exponential backoff with jitter in [½, 1] of the step, never earlier than Retry-After. */
export function retryDelayMs(attempts: number, retryAfterMs: number | null, random: number): number {
  const step = Math.min(OUTBOX_BACKOFF_CAP_MS, OUTBOX_BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(step * (0.5 + random / 2));
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, OUTBOX_RETRY_AFTER_MAX_MS));
}

/**
 * What an answer means for a row: 2xx is final; 400/422 and other client
 * errors are final failures the reader sees; network errors, 5xx, 429 and an
 * idempotent request still in progress (409) are retried.
 */
export function settle(row: OutboxRow, answer: CanonResponse<unknown>, now: number, random: number): Settlement {
  if (answer.kind === 'ok') return { action: 'delete' };
  const attempts = row.attempts + 1;
  // `unreachable`: this attempt never reached the server, so the next answer it gives means "go now".
  const released = {
    ...row,
    attempts,
    state: 'queued' as const,
    leaseUntil: 0,
    unreachable: answer.kind === 'network',
  };
  if (answer.kind === 'network' || answer.kind === 'invalid-response') {
    return {
      action: 'retry',
      row: { ...released, notBefore: now + retryDelayMs(attempts, null, random), lastError: answer.message },
    };
  }
  const { status, code, message, retryAfterMs } = answer;
  if (status === 409 && code === 'conflict') {
    // The server's "already so" answer: a link already listed is what the reader wanted.
    if (row.kind === 'link') return { action: 'delete' };
    return { action: 'fail', row: { ...released, state: 'failed', lastError: message } };
  }
  if (status >= 500 || status === 429 || status === 409 || status === 408) {
    return {
      action: 'retry',
      row: { ...released, notBefore: now + retryDelayMs(attempts, retryAfterMs, random), lastError: message },
    };
  }
  if (status === 401) return { action: 'await-identity', row: { ...released, lastError: message } };
  // Already gone (an earlier attempt whose answer was lost, or another browser of the reader): what they wanted.
  if (status === 404 && row.kind === 'deleteComment') return { action: 'delete' };
  return { action: 'fail', row: { ...released, state: 'failed', lastError: message } };
}
