/**
 * When the canon index is synced: at a worker start when it is due, by an
 * alarm every INDEX_SYNC_EVERY_MS (alarms outlive the worker; timers do
 * not), and when the canon is known to have changed (a nomination this
 * browser sent was delivered, the index named something the server no
 * longer has). Each sync names no book (./sync).
 */
import { INDEX_SYNC_EVERY_MS, ALARM_MIN_DELAY_MS } from '../core/limits';
import type { BackgroundContext } from '../core/context';
import type { AlarmsPort } from '../outbox/sender';
import { readIndexState, seedIndexFromSnapshot } from './state';
import { indexSyncDue, syncCanonIndex, type SyncOutcome } from './sync';

export const INDEX_ALARM = 'bookside-canon-index-sync';

type Deps = Pick<BackgroundContext, 'db' | 'fetch' | 'now' | 'server'> & { alarms: AlarmsPort };

export interface IndexPort {
  /** Syncs now (an alarm went off, or the canon changed) and sets the next alarm. */
  sync(): Promise<SyncOutcome>;
  /** At a worker start: seeds from the snapshot if nothing is held, syncs if due, and keeps the alarm set. */
  start(snapshotLoaded: boolean): Promise<void>;
}

export function createIndexPort(deps: Deps): IndexPort {
  const schedule = () => deps.alarms.create(INDEX_ALARM, { when: deps.now() + INDEX_SYNC_EVERY_MS });
  return {
    async sync() {
      const outcome = await syncCanonIndex(deps);
      await schedule();
      return outcome;
    },
    async start(snapshotLoaded) {
      const held = await readIndexState(deps.db);
      if (held === null || snapshotLoaded) await seedIndexFromSnapshot(deps.db, deps.now());
      if (indexSyncDue(await readIndexState(deps.db), await deps.server(), deps.now())) {
        await this.sync();
        return;
      }
      // Alarms can vanish on a browser restart: keep one set (no sooner than browsers allow).
      const delay = Math.max(ALARM_MIN_DELAY_MS, INDEX_SYNC_EVERY_MS);
      await deps.alarms.create(INDEX_ALARM, { when: deps.now() + delay });
    },
  };
}
