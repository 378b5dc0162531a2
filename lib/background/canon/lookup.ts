/**
 * `canonLookup`: the canon's answer for a book, stale-while-revalidate over
 * the cache, falling back to the embedded snapshot when the server cannot be
 * reached and nothing is cached. "Not in the canon" is cached too.
 */
import { announceChange } from '../core/announce';
import { LookupAnswer } from '../../shared/api';
import { CACHE_FRESH_MS } from '../core/limits';
import type { BackgroundContext } from '../core/context';
import { cacheGet, cachePut } from '../cache/cache';
import { cacheKeys } from '../cache/keys';
import { snapshotLookup } from './snapshot';
import type { BookRef } from '../../shared/book-ref';
import type { CanonStatus } from '../../shared/messages/views';
import { canonRequest } from '../canon-client/http';
import { canonRoutes } from '../canon-client/routes';

/** Editions of one page beyond the first few are rarely in the canon when those are not. */
const LOOKUP_ISBNS_MAX = 3;

type Query = { isbn13: string } | { title: string; author: string };
type Deps = Pick<BackgroundContext, 'db' | 'fetch' | 'now' | 'server'>;

export function lookupQueries(book: Pick<BookRef, 'isbn13' | 'title' | 'authors'>): Query[] {
  const queries: Query[] = book.isbn13.slice(0, LOOKUP_ISBNS_MAX).map((isbn13) => ({ isbn13 }));
  const author = book.authors[0];
  if (book.title !== undefined && book.title !== '' && author !== undefined) {
    queries.push({ title: book.title, author });
  }
  return queries;
}

export async function canonLookup(
  deps: Deps,
  book: Pick<BookRef, 'isbn13' | 'title' | 'authors'>,
  refresh = false,
): Promise<CanonStatus | null> {
  let first: CanonStatus | null = null;
  for (const query of lookupQueries(book)) {
    const status = await lookupOne(deps, query, refresh);
    if (status.answer.inCanon) return status;
    first ??= status;
  }
  return first;
}

async function lookupOne(deps: Deps, query: Query, refresh: boolean): Promise<CanonStatus> {
  const server = await deps.server();
  const key =
    'isbn13' in query
      ? cacheKeys.canonByIsbn(server, query.isbn13)
      : cacheKeys.canonByTitle(server, query.title, query.author);
  const cached = await cacheGet<LookupAnswer>(deps.db, key, deps.now());
  if (cached !== undefined && !refresh) {
    // Stale: shown now, refreshed behind it; open pages hear when the fresh answer is in.
    if (!cached.fresh) void revalidate(deps, server, key, query);
    return { answer: cached.value, origin: 'server', fetchedAt: cached.fetchedAt, stale: !cached.fresh };
  }
  const fetched = await fetchAndStore(deps, server, key, query);
  if (fetched !== null) return { answer: fetched.answer, origin: 'server', fetchedAt: fetched.fetchedAt, stale: false };
  if (cached !== undefined) return { answer: cached.value, origin: 'server', fetchedAt: cached.fetchedAt, stale: true };
  return { answer: await snapshotLookup(deps.db, query), origin: 'snapshot', fetchedAt: deps.now(), stale: false };
}

async function revalidate(deps: Deps, server: string, key: string, query: Query): Promise<void> {
  const fresh = await fetchAndStore(deps, server, key, query).catch(() => null);
  if (fresh !== null) await announceChange(['book'], deps.now()).catch(() => undefined);
}

/** The answer and the time it was stored under, so callers report the same `fetchedAt` the cache keeps. */
async function fetchAndStore(
  deps: Deps,
  server: string,
  key: string,
  query: Query,
): Promise<{ answer: LookupAnswer; fetchedAt: number } | null> {
  const path =
    'isbn13' in query ? canonRoutes.lookupByIsbn(query.isbn13) : canonRoutes.lookupByTitle(query.title, query.author);
  const response = await canonRequest(deps.fetch, server, { method: 'GET', path }, LookupAnswer);
  if (response.kind !== 'ok') return null;
  const freshMs = response.value.inCanon ? CACHE_FRESH_MS.canonHit : CACHE_FRESH_MS.canonMiss;
  const fetchedAt = deps.now();
  await cachePut(deps.db, key, response.value, { kind: 'canon', freshMs, now: fetchedAt });
  return { answer: response.value, fetchedAt };
}
