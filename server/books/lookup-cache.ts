/**
 * Serialised lookup answers kept in memory: the lookup path is by far the
 * hottest, and canon entries change only when someone writes. Each answer
 * carries the cache tags it depends on (books/cache-tags.ts); a write drops
 * only the answers with its tags, here at commit and in other processes when
 * they hear of it (db/change-feed.ts). The TTL is a safety net, not the way
 * answers normally go stale.
 */
import { EVERYTHING } from '../db/change-feed';
import { LOOKUP_CACHE_MAX_ENTRIES, LOOKUP_CACHE_TTL_MS } from '../limits';

export type Loaded = { value: unknown; tags: string[] };
type Entry = { at: number; json: string; tags: string[] };

export class LookupCache {
  private readonly entries = new Map<string, Entry>();
  private readonly keysByTag = new Map<string, Set<string>>();
  /** Invalidations that happened while loads were running: tag → invalidation number. */
  private readonly invalidatedDuringLoads = new Map<string, number>();
  private invalidations = 0;
  private loading = 0;

  constructor(
    private readonly now: () => number,
    /** Hears of other processes' writes before an answer is served (SQLite polls; may return nothing). */
    private readonly catchUp: () => Promise<void> | undefined = () => undefined,
  ) {}

  async get(key: string, load: () => Promise<Loaded>): Promise<string> {
    const pending = this.catchUp();
    if (pending !== undefined) await pending;
    const hit = this.entries.get(key);
    const now = this.now();
    if (hit !== undefined && now - hit.at < LOOKUP_CACHE_TTL_MS) return hit.json;
    const startedAt = this.invalidations;
    this.loading++;
    let loaded: Loaded;
    try {
      loaded = await load();
    } finally {
      this.loading--;
    }
    const json = JSON.stringify(loaded.value);
    // A write that landed while loading may have made this answer stale already: serve it, but do not keep it.
    if (!this.staleSince(startedAt, loaded.tags)) this.store(key, { at: now, json, tags: loaded.tags });
    if (this.loading === 0) this.invalidatedDuringLoads.clear();
    return json;
  }

  /** Drops the answers that depend on any of `tags`; with no tags, every answer. */
  invalidate(tags: readonly string[] = [EVERYTHING]): void {
    this.invalidations++;
    if (this.loading > 0) for (const tag of tags) this.invalidatedDuringLoads.set(tag, this.invalidations);
    if (tags.includes(EVERYTHING)) {
      this.entries.clear();
      this.keysByTag.clear();
      return;
    }
    for (const tag of tags) {
      for (const key of this.keysByTag.get(tag) ?? []) this.remove(key);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private staleSince(startedAt: number, tags: readonly string[]): boolean {
    if ((this.invalidatedDuringLoads.get(EVERYTHING) ?? 0) > startedAt) return true;
    return tags.some((tag) => (this.invalidatedDuringLoads.get(tag) ?? 0) > startedAt);
  }

  private store(key: string, entry: Entry): void {
    this.remove(key);
    // The oldest entry makes room; Map keeps insertion order.
    if (this.entries.size >= LOOKUP_CACHE_MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.remove(oldest.value);
    }
    this.entries.set(key, entry);
    for (const tag of entry.tags) {
      let keys = this.keysByTag.get(tag);
      if (keys === undefined) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    for (const tag of entry.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }
}
