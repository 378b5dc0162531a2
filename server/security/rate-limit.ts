/**
 * Fixed-window request counters kept in this process. Enough for the single
 * process a small community runs; several processes would each count apart.
 */
import type { RateLimitRule } from '../limits';
import { ApiError } from './errors';

/** Expired windows are swept once this many keys are held. */
const SWEEP_AT_KEYS = 50_000;

export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number) {}

  /** Counts one request against `bucket:key`; throws 429 with Retry-After when over the rule. */
  consume(bucket: string, key: string, rule: RateLimitRule): void {
    const now = this.now();
    const id = `${bucket}\u0000${key}`;
    let window = this.windows.get(id);
    if (window === undefined || window.resetAt <= now) {
      if (this.windows.size >= SWEEP_AT_KEYS) this.sweep(now);
      window = { count: 0, resetAt: now + rule.windowMs };
      this.windows.set(id, window);
    }
    window.count++;
    if (window.count > rule.limit) {
      const retryAfter = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
      throw new ApiError(429, 'rate_limited', `Too many requests; try again in ${retryAfter} s.`, {
        'Retry-After': String(retryAfter),
      });
    }
  }

  private sweep(now: number): void {
    for (const [id, window] of this.windows) if (window.resetAt <= now) this.windows.delete(id);
  }
}
