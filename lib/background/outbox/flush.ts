/**
 * Sending the outbox: lease → (transaction committed) → request → settle in a
 * new transaction. Runs at worker start, when the browser goes online, on the
 * retry alarm and after each new write. Nothing is sent before this browser
 * has an identity on the current server; those rows wait, visibly.
 */
import * as v from 'valibot';
import { OUTBOX_FLUSH_BATCH, OUTBOX_FLUSH_PASSES } from '../core/limits';
import { canonRequest } from '../canon-client/http';
import type { FetchLike } from '../core/context';
import type { BooksideDb } from '../database/schema';
import { updateIdentity, usableIdentity } from '../identity/record';
import { settle } from './row';
import type { OutboxRow } from '../database/schema';
import { applySettlement, leaseSendable } from './store';

export interface OutboxDeps {
  db: BooksideDb;
  fetch: FetchLike;
  now: () => number;
  random: () => number;
  server: () => Promise<string>;
  /** Called after a row reached the server, e.g. to drop that book's cached comment pages. */
  onDelivered?: (row: OutboxRow) => Promise<void>;
}

export interface FlushReport {
  delivered: number;
  failed: number;
  retrying: number;
  /** True when no identity is registered, so queued rows wait for one. */
  waitingForIdentity: boolean;
}

export async function flushOutbox(deps: OutboxDeps): Promise<FlushReport> {
  const report: FlushReport = { delivered: 0, failed: 0, retrying: 0, waitingForIdentity: false };
  const server = await deps.server();
  for (let pass = 0; pass < OUTBOX_FLUSH_PASSES; pass++) {
    const identity = await usableIdentity(deps.db, server);
    if (identity === null) {
      report.waitingForIdentity = true;
      return report;
    }
    const batch = await leaseSendable(deps.db, deps.now(), OUTBOX_FLUSH_BATCH);
    if (batch.length === 0) return report;
    let identityRejected = false;
    // Rows in one batch have distinct order keys, so they may travel together.
    await Promise.all(
      batch.map(async (row) => {
        const answer = await canonRequest(
          deps.fetch,
          server,
          { ...row.request, secret: identity.secret, idempotencyKey: row.id },
          v.unknown(),
        );
        const settlement = settle(row, answer, deps.now(), deps.random());
        await applySettlement(deps.db, row, settlement);
        if (settlement.action === 'delete') {
          report.delivered++;
          await deps.onDelivered?.(row);
        } else if (settlement.action === 'fail') report.failed++;
        else if (settlement.action === 'retry') report.retrying++;
        else identityRejected = true;
      }),
    );
    if (identityRejected) {
      await updateIdentity(deps.db, server, (known) =>
        known.id === identity.id ? { ...known, rejected: true } : known,
      );
    }
  }
  return report;
}
