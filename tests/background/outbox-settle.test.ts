import { describe, expect, it } from 'vitest';
import { OUTBOX_BACKOFF_BASE_MS, OUTBOX_BACKOFF_CAP_MS } from '../../lib/background/core/limits';
import type { CanonResponse } from '../../lib/background/canon-client/http';
import { retryAfterMs } from '../../lib/background/canon-client/http';
import { requestFor } from '../../lib/background/outbox/intent';
import { retryDelayMs, settle } from '../../lib/background/outbox/row';
import type { OutboxRow } from '../../lib/background/database/schema';

const NOW = 1_700_000_000_000;
const intent = { kind: 'comment' as const, bookId: 'we-think', body: 'Good', spoiler: false };
const row: OutboxRow = {
  id: 'k',
  kind: 'comment',
  orderKey: 'book:we-think',
  seq: 1,
  intent,
  request: requestFor(intent),
  createdAt: NOW,
  attempts: 0,
  state: 'sending',
  notBefore: NOW,
  leaseUntil: NOW + 60_000,
  lastError: null,
};
const http = (status: number, code = 'x', retryAfter: number | null = null): CanonResponse<unknown> => ({
  kind: 'http',
  status,
  code,
  message: `status ${status}`,
  retryAfterMs: retryAfter,
});

describe('outbox settlement', () => {
  it('deletes a row only on a final success', () => {
    expect(settle(row, { kind: 'ok', status: 201, value: {} }, NOW, 0.5)).toEqual({ action: 'delete' });
  });

  it.each([400, 403, 404, 413, 422])('stops and shows the reader a %i', (status) => {
    const s = settle(row, http(status), NOW, 0.5);
    expect(s.action).toBe('fail');
    if (s.action === 'fail') {
      expect(s.row).toMatchObject({ state: 'failed', lastError: `status ${status}`, attempts: 1 });
    }
  });

  it.each([500, 502, 503, 429, 409])('retries a %i later, releasing the lease', (status) => {
    const s = settle(row, http(status, 'idempotency_in_progress'), NOW, 0.5);
    expect(s.action).toBe('retry');
    if (s.action === 'retry') {
      expect(s.row.state).toBe('queued');
      expect(s.row.notBefore).toBeGreaterThan(NOW);
    }
  });

  it('retries network errors', () => {
    expect(settle(row, { kind: 'network', message: 'offline' }, NOW, 0).action).toBe('retry');
  });

  it('treats "already listed" as done for a review link but as a failure for a nomination', () => {
    expect(settle({ ...row, kind: 'link' }, http(409, 'conflict'), NOW, 0.5).action).toBe('delete');
    expect(settle({ ...row, kind: 'nomination' }, http(409, 'conflict'), NOW, 0.5).action).toBe('fail');
  });

  it('keeps the row for a new identity when the server no longer knows the secret', () => {
    expect(settle(row, http(401, 'unauthorized'), NOW, 0.5).action).toBe('await-identity');
  });

  it('never retries before Retry-After', () => {
    const s = settle(row, http(429, 'rate_limited', 60_000), NOW, 0);
    expect(s.action === 'retry' && s.row.notBefore).toBe(NOW + 60_000);
  });
});

describe('backoff', () => {
  it('grows, is capped, and jitters within half to all of each step', () => {
    const lows = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => retryDelayMs(n, null, 0));
    const highs = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => retryDelayMs(n, null, 1));
    expect(highs[0]).toBe(OUTBOX_BACKOFF_BASE_MS);
    expect(lows[0]).toBe(OUTBOX_BACKOFF_BASE_MS / 2);
    for (let i = 1; i < highs.length; i++) expect(highs[i]!).toBeGreaterThanOrEqual(highs[i - 1]!);
    expect(highs.at(-1)).toBe(OUTBOX_BACKOFF_CAP_MS);
    expect(lows.at(-1)).toBe(OUTBOX_BACKOFF_CAP_MS / 2);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs(new Date(NOW + 30_000).toUTCString(), NOW)).toBe(30_000);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });
});
