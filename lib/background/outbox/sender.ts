/**
 * One flusher per worker: concurrent triggers (start, online, alarm, a new
 * write) join the running flush and ask for one more pass, and after each
 * flush the retry alarm is set for the next due row. The alarm is what brings
 * a stopped worker back; a short timer only covers retries due while it lives.
 */
import { ALARM_MIN_DELAY_MS, OUTBOX_TIMER_MAX_MS } from '../core/limits';
import { usableIdentity } from '../identity/record';
import { flushOutbox, type FlushReport, type OutboxDeps } from './flush';
import { nextDueAt } from './store';

export const OUTBOX_ALARM = 'bookside-outbox-retry';

export interface AlarmsPort {
  create(name: string, info: { when: number }): Promise<void> | void;
  clear(name: string): Promise<unknown>;
}

export interface OutboxSender {
  flush(): Promise<FlushReport>;
  /** Sets (or clears) the retry alarm from what the outbox holds; run at every worker start. */
  reschedule(): Promise<void>;
}

export interface SenderDeps extends OutboxDeps {
  alarms: AlarmsPort;
  /** Told after each flush, e.g. to let open pages know writes were delivered. */
  onFlushed?: (report: FlushReport) => Promise<void>;
  /** Runs `run` after `ms` while the worker lives; returns a cancel function. */
  setTimer?: (run: () => void, ms: number) => () => void;
}

const realTimer = (run: () => void, ms: number) => {
  const handle = setTimeout(run, ms);
  return () => clearTimeout(handle);
};

export function createOutboxSender(deps: SenderDeps): OutboxSender {
  const setTimer = deps.setTimer ?? realTimer;
  let running: Promise<FlushReport> | null = null;
  let again = false;
  let cancelTimer = () => {};

  async function reschedule(): Promise<void> {
    cancelTimer();
    const server = await deps.server();
    const due = (await usableIdentity(deps.db, server)) === null ? null : await nextDueAt(deps.db);
    if (due === null) {
      await deps.alarms.clear(OUTBOX_ALARM);
      return;
    }
    const now = deps.now();
    await deps.alarms.create(OUTBOX_ALARM, { when: Math.max(due, now + ALARM_MIN_DELAY_MS) });
    if (due - now <= OUTBOX_TIMER_MAX_MS) cancelTimer = setTimer(() => void flush(), Math.max(0, due - now));
  }

  async function loop(): Promise<FlushReport> {
    let report: FlushReport;
    do {
      again = false;
      report = await flushOutbox(deps);
      // Inside the loop: a flush asked for while this awaits sets `again`.
      await deps.onFlushed?.(report);
    } while (again);
    // Last, with nothing awaited after it: the timer it sets for a row due
    // now must find this flush finished, or its call would be joined and lost.
    await reschedule();
    return report;
  }

  function flush(): Promise<FlushReport> {
    if (running !== null) {
      again = true;
      return running;
    }
    running = loop().finally(() => {
      running = null;
    });
    return running;
  }

  return { flush, reschedule };
}
