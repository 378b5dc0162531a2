/**
 * The canon index as this process serves it, rebuilt only when the database's
 * version (or key) moved: the whole document as JSON text with its gzip size,
 * and, on the first range query, every match key's hash grouped by prefix.
 * One small read of the state row per request keeps every process on the
 * version the database holds.
 */
import { createHmac } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  INDEX_HASH_HEX,
  prefixLengthFor,
  type CanonIndexHeader,
  type CanonIndexRange,
  type IndexEntry,
} from '../../lib/shared/api';
import type { CanonDb } from '../db/connect';
import type { Writer } from '../db/write';
import { readIndexState, refreshCanonIndex, type IndexState } from './versions';

export type IndexSettings = {
  /** A range answer never holds fewer entries than this. */
  minBucket: number;
  /** Canons whose whole document gzips to more than this are served by prefix. */
  documentMaxGzipBytes: number;
};

export type PublishedIndex = {
  state: IndexState;
  header: CanonIndexHeader;
  /** `{"kind":"full",…}` as sent. */
  fullJson: string;
  etag: string;
  entries: IndexEntry[];
};

type Bucket = [hash: string, target: string | null][];

/** Entries hashed between two turns of the event loop. */
const HASH_SLICE = 2_000;

/** The keyed hash of a match key as the browser computes it (`indexHash`, WebCrypto), truncated for answers. */
export function keyedHash(secretHex: string, key: string): string {
  return createHmac('sha256', Buffer.from(secretHex, 'hex')).update(key).digest('hex');
}

export class CanonIndexPublisher {
  private current: PublishedIndex | null = null;
  private building: Promise<PublishedIndex> | null = null;
  private buckets: { version: number; keyId: string; byPrefix: Promise<Map<string, Bucket>> } | null = null;

  constructor(
    private readonly db: CanonDb,
    private readonly write: Writer,
    private readonly now: () => number,
    private readonly settings: IndexSettings,
  ) {}

  async published(): Promise<PublishedIndex> {
    let state = await readIndexState(this.db);
    // A database no write has touched since it was migrated: build the first version now.
    if (state === null) {
      await this.write(({ trx }) => refreshCanonIndex(trx, this.now()));
      state = await readIndexState(this.db);
      if (state === null) throw new Error('canon index state missing after refresh');
    }
    const current = this.current;
    if (current !== null && current.state.version === state.version && current.state.keyId === state.keyId) {
      return current;
    }
    this.building ??= this.build(state).finally(() => (this.building = null));
    const built = await this.building;
    // Another request may have started a build of an older version: ask again for the newer one.
    if (built.state.version < state.version) return this.published();
    return built;
  }

  private async build(state: IndexState): Promise<PublishedIndex> {
    const rows = await this.db.selectFrom('canon_index_entries').selectAll().orderBy('target').execute();
    const entries: IndexEntry[] = rows.map((r) => ({ t: r.target, k: JSON.parse(r.keys) as string[] }));
    const keys = entries.reduce((n, e) => n + e.k.length, 0);
    const body = (header: CanonIndexHeader) => JSON.stringify({ kind: 'full', header, entries });
    const draft: CanonIndexHeader = {
      format: 1,
      version: state.version,
      size: entries.length,
      keys,
      gzipBytes: 0,
      mode: 'document',
      hashKey: { id: state.keyId, secret: state.keySecret },
      prefixLength: prefixLengthFor(keys, this.settings.minBucket),
      minBucket: this.settings.minBucket,
    };
    const gzipBytes = gzipSync(body(draft)).length;
    const header: CanonIndexHeader = {
      ...draft,
      gzipBytes,
      mode: gzipBytes <= this.settings.documentMaxGzipBytes ? 'document' : 'prefix',
    };
    const etag = `"ci-${state.version}-${state.keyId}"`;
    const published = { state, header, fullJson: body(header), etag, entries };
    this.current = published;
    // Hashed now, not on the first range query, when the canon is served by prefix.
    if (header.mode === 'prefix') void this.bucketsOf(published);
    return published;
  }

  /** Every hash of the bucket `prefix`, padded with decoys to the minimum, in hash order. */
  async range(published: PublishedIndex, prefix: string): Promise<CanonIndexRange> {
    const { state, header } = published;
    const real = (await this.bucketsOf(published)).get(prefix) ?? [];
    const bucket: Bucket = [...real];
    for (let i = 0; bucket.length < header.minBucket; i++) {
      // Decoys depend only on the key and the prefix: the same bucket always gets the same ones.
      const hash = keyedHash(state.keySecret, `decoy|${prefix}|${i}`);
      bucket.push([prefix + hash.slice(prefix.length, INDEX_HASH_HEX), null]);
    }
    bucket.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { version: state.version, keyId: state.keyId, prefix, entries: bucket };
  }

  private bucketsOf(published: PublishedIndex): Promise<Map<string, Bucket>> {
    const { state } = published;
    const buckets = this.buckets;
    if (buckets !== null && buckets.version === state.version && buckets.keyId === state.keyId) return buckets.byPrefix;
    const byPrefix = this.hashAll(published);
    this.buckets = { version: state.version, keyId: state.keyId, byPrefix };
    return byPrefix;
  }

  /** Every key's hash, by prefix; yields now and then so a large canon does not hold up other requests. */
  private async hashAll(published: PublishedIndex): Promise<Map<string, Bucket>> {
    const { header, state, entries } = published;
    const byPrefix = new Map<string, Bucket>();
    for (const [n, entry] of entries.entries()) {
      if (n % HASH_SLICE === HASH_SLICE - 1) await new Promise((resolve) => setImmediate(resolve));
      for (const key of entry.k) {
        const hash = keyedHash(state.keySecret, key).slice(0, INDEX_HASH_HEX);
        const prefix = hash.slice(0, header.prefixLength);
        let bucket = byPrefix.get(prefix);
        if (bucket === undefined) byPrefix.set(prefix, (bucket = []));
        bucket.push([hash, entry.t]);
      }
    }
    return byPrefix;
  }
}
