/**
 * Serialised lookup answers kept in memory: the lookup path is by far the
 * hottest, and canon entries change only when someone writes. Every write
 * clears the cache; the TTL bounds staleness when several processes share one
 * PostgreSQL database.
 */
import { LOOKUP_CACHE_MAX_ENTRIES, LOOKUP_CACHE_TTL_MS } from '../limits';

export class LookupCache {
  private readonly entries = new Map<string, { at: number; json: string }>();

  constructor(private readonly now: () => number) {}

  async get(key: string, load: () => Promise<unknown>): Promise<string> {
    const hit = this.entries.get(key);
    const now = this.now();
    if (hit !== undefined && now - hit.at < LOOKUP_CACHE_TTL_MS) return hit.json;
    const generation = this.generation;
    const json = JSON.stringify(await load());
    // A write that landed while loading makes this answer possibly stale: don't keep it.
    if (generation === this.generation) {
      if (this.entries.size >= LOOKUP_CACHE_MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { at: now, json });
    }
    return json;
  }

  private generation = 0;

  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }
}
