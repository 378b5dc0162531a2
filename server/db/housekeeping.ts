/**
 * Removes what has expired: closed rate windows, idempotency keys past their
 * TTL, change-log rows every process has read, used or expired desk sign-in
 * links and ended desk sessions. Each process runs it; the
 * deletes are idempotent, so several doing it at once is harmless.
 */
import { HOUSEKEEPING_INTERVAL_MS, IDEMPOTENCY_KEY_TTL_MS } from '../limits';
import type { Log } from '../log';
import { sweepDeskSessions } from '../moderation/desk-session';
import { sweepRateWindows } from '../security/rate-limit';
import { trimChangeLog } from './change-feed';
import type { CanonDb } from './connect';

export async function sweepExpired(db: CanonDb, now: number): Promise<void> {
  await sweepRateWindows(db, now);
  await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<=', now - IDEMPOTENCY_KEY_TTL_MS)
    .execute();
  await trimChangeLog(db, Date.now());
  await sweepDeskSessions({ db }, now);
}

export function startHousekeeping(db: CanonDb, now: () => number, log: Log): { stop(): void } {
  const timer = setInterval(() => {
    sweepExpired(db, now()).catch((error: unknown) => log.error(`housekeeping failed: ${String(error)}`));
  }, HOUSEKEEPING_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
