/**
 * "Does the canon know this book?", decided in this browser. In document
 * mode the answer is a few IndexedDB reads and no request at all. In prefix
 * mode the browser asks for the buckets its keys' hash prefixes fall in
 * (k-anonymous: every book sharing a prefix asks the same thing) and finds
 * its full hashes there. Either way the server never receives an ISBN, a
 * title or an author of the page.
 */
import {
  INDEX_HASH_HEX,
  CanonIndexRange,
  indexHash,
  queryKeysOf,
  type CanonIndexHeader,
  type IndexTarget,
} from '../../shared/api';
import type { BookRef } from '../../shared/book-ref';
import { cacheGet, cachePut } from '../cache/cache';
import { cacheKeys } from '../cache/keys';
import { canonRequest } from '../canon-client/http';
import { canonRoutes } from '../canon-client/routes';
import type { BackgroundContext } from '../core/context';
import { INDEX_BUCKET_FRESH_MS } from '../core/limits';
import { readIndexState } from './state';

type Deps = Pick<BackgroundContext, 'db' | 'fetch' | 'now' | 'server'>;
type Book = Pick<BookRef, 'isbn13' | 'title' | 'authors'>;

/** ISBNs of one page asked about in prefix mode: each is one more prefix the server sees. */
const PREFIX_ISBNS_MAX = 3;

export type IndexDecision =
  /** The book has nothing to look for it by (no ISBN, no title with an author). */
  | { kind: 'unidentified' }
  | { kind: 'unknown'; syncedAt: number }
  | { kind: 'known'; target: IndexTarget; syncedAt: number };

/** An entry beats a nomination; otherwise the page's first key that matches wins. */
function pick(targets: (string | null)[]): IndexTarget | null {
  const found = targets.filter((t): t is string => t !== null);
  return found.find((t) => t.startsWith('b:')) ?? found[0] ?? null;
}

export async function decideKnown(deps: Deps, book: Book): Promise<IndexDecision> {
  const keys = queryKeysOf(book);
  if (keys.isbn.length === 0 && keys.title.length === 0) return { kind: 'unidentified' };
  const state = await readIndexState(deps.db);
  const syncedAt = state?.syncedAt ?? 0;
  let target: IndexTarget | null;
  if (state?.header?.mode === 'prefix' && state.server !== null) {
    target = await lookUpByPrefix(deps, state.server, state.header, [
      ...keys.isbn.slice(0, PREFIX_ISBNS_MAX),
      ...keys.title,
    ]);
  } else {
    const records = await Promise.all([...keys.isbn, ...keys.title].map((key) => deps.db.get('canonIndex', key)));
    target = pick(records.map((r) => r?.target ?? null));
  }
  return target === null ? { kind: 'unknown', syncedAt } : { kind: 'known', target, syncedAt };
}

async function lookUpByPrefix(
  deps: Deps,
  server: string,
  header: CanonIndexHeader,
  keys: string[],
): Promise<IndexTarget | null> {
  const hashes = await Promise.all(
    keys.map(async (key) => (await indexHash(header.hashKey.secret, key)).slice(0, INDEX_HASH_HEX)),
  );
  const targets: (string | null)[] = [];
  for (const hash of hashes) {
    const bucket = await bucketOf(deps, server, header, hash.slice(0, header.prefixLength));
    targets.push(bucket?.find(([h]) => h === hash)?.[1] ?? null);
  }
  return pick(targets);
}

/** A bucket, from the cache when this version and key were asked before; null when the server cannot say. */
async function bucketOf(
  deps: Deps,
  server: string,
  header: CanonIndexHeader,
  prefix: string,
): Promise<CanonIndexRange['entries'] | null> {
  const key = cacheKeys.indexBucket(server, header.hashKey.id, header.version, prefix);
  const cached = await cacheGet<CanonIndexRange['entries']>(deps.db, key, deps.now());
  if (cached?.fresh === true) return cached.value;
  const response = await canonRequest(
    deps.fetch,
    server,
    { method: 'GET', path: canonRoutes.canonIndexRange(prefix) },
    CanonIndexRange,
  );
  // Hashed under another key (rotated since the last sync): nothing in it can match.
  if (response.kind !== 'ok' || response.value.keyId !== header.hashKey.id) return cached?.value ?? null;
  await cachePut(deps.db, key, response.value.entries, {
    kind: 'index-bucket',
    freshMs: INDEX_BUCKET_FRESH_MS,
    now: deps.now(),
  });
  return response.value.entries;
}
