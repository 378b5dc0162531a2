/**
 * Fixed-window request budgets kept in the database (`rate_windows`), so all
 * processes on one database spend from one budget. A window opens with a
 * subject's first request and lasts the rule's window.
 *
 * Writes are counted exactly: one atomic upsert per budget, inside the
 * request's own transaction when it has one (so a request that is refused or
 * rolled back for another reason costs nothing). Reads are far too frequent
 * for a database write each: they are counted in memory and added to the
 * shared windows every READ_FLUSH_MS, so N processes together can overshoot a
 * read budget by what they let through in one flush interval.
 */
import { sql } from 'kysely';
import type { CanonDb } from '../db/connect';
import { READ_FLUSH_MS, type RateLimitRule } from '../limits';
import { ApiError } from './errors';

/** A rule this generous is not counted at all (benchmarks). */
const UNCOUNTED = Number.MAX_SAFE_INTEGER;

type LocalWindow = {
  bucket: string;
  subject: string;
  rule: RateLimitRule;
  pending: number;
  known: number;
  resetsAt: number;
};

export function tooManyRequests(resetsAt: number, now: number, what = 'requests'): ApiError {
  const retryAfter = Math.max(1, Math.ceil((resetsAt - now) / 1000));
  return new ApiError(429, 'rate_limited', `Too many ${what}; try again in ${retryAfter} s.`, {
    'Retry-After': String(retryAfter),
  });
}

export class RateLimiter {
  private readonly reads = new Map<string, LocalWindow>();
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: CanonDb,
    private readonly now: () => number,
  ) {}

  /**
   * Counts one request against `bucket`/`subject` and throws 429 with
   * Retry-After once the window's budget is spent. Pass the request's
   * transaction as `trx` to count within it.
   */
  async consume(bucket: string, subject: string, rule: RateLimitRule, trx: CanonDb = this.db): Promise<void> {
    if (rule.limit >= UNCOUNTED) return;
    const window = await this.add(trx, bucket, subject, rule, 1);
    if (window.count > rule.limit) throw tooManyRequests(window.resetsAt, this.now());
  }

  /** Counts a read in memory (see the top of this file); throws 429 once the budget is spent. */
  consumeRead(bucket: string, subject: string, rule: RateLimitRule): void {
    if (rule.limit >= UNCOUNTED) return;
    const now = this.now();
    const id = `${bucket}\u0000${subject}`;
    let window = this.reads.get(id);
    if (window === undefined || window.resetsAt <= now) {
      window = { bucket, subject, rule, pending: 0, known: 0, resetsAt: now + rule.windowMs };
      this.reads.set(id, window);
    }
    window.pending++;
    if (window.known + window.pending > rule.limit) throw tooManyRequests(window.resetsAt, now);
  }

  /** Adds the reads counted since the last flush to the shared windows and learns the others' counts. */
  flushReads(): Promise<void> {
    this.flushing ??= this.flushOnce().finally(() => (this.flushing = null));
    return this.flushing;
  }

  start(): void {
    this.timer = setInterval(() => {
      this.flushReads().catch(() => undefined);
    }, READ_FLUSH_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    await this.flushing?.catch(() => undefined);
  }

  private async flushOnce(): Promise<void> {
    const now = this.now();
    for (const [id, window] of this.reads) {
      if (window.pending === 0) {
        if (window.resetsAt <= now) this.reads.delete(id);
        continue;
      }
      const delta = window.pending;
      const shared = await this.add(this.db, window.bucket, window.subject, window.rule, delta);
      window.pending -= delta;
      window.known = shared.count;
      window.resetsAt = shared.resetsAt;
    }
  }

  /** One atomic statement on both databases: opens the window if it has expired, then adds. */
  private async add(
    trx: CanonDb,
    bucket: string,
    subject: string,
    rule: RateLimitRule,
    delta: number,
  ): Promise<{ count: number; resetsAt: number }> {
    const now = this.now();
    const resetsAt = now + rule.windowMs;
    const row = await trx
      .insertInto('rate_windows')
      .values({ bucket, subject, count: delta, resets_at: resetsAt })
      .onConflict((oc) =>
        oc.columns(['bucket', 'subject']).doUpdateSet({
          count: sql<number>`case when rate_windows.resets_at <= ${now} then ${delta} else rate_windows.count + ${delta} end`,
          resets_at: sql<number>`case when rate_windows.resets_at <= ${now} then ${resetsAt} else rate_windows.resets_at end`,
        }),
      )
      .returning(['count', 'resets_at'])
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), resetsAt: Number(row.resets_at) };
  }
}

/** Removes windows that have closed. */
export async function sweepRateWindows(db: CanonDb, now: number): Promise<void> {
  await db.deleteFrom('rate_windows').where('resets_at', '<=', now).execute();
}
