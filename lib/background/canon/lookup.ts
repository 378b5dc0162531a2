/**
 * `canonLookup`: the canon's answer for a book. The local canon index decides
 * first whether the canon knows the book at all (canon-index/known); only a
 * book it knows is asked about, by its canon id (or nomination id), never by
 * the page's ISBNs, title or author. Stale-while-revalidate over the cache,
 * falling back to the embedded snapshot when the server cannot be reached
 * and nothing is cached.
 */
import { announceChange } from '../core/announce';
import { CanonEntry, NominationSummary, type IndexTarget, type LookupAnswer } from '../../shared/api';
import { CACHE_FRESH_MS } from '../core/limits';
import type { BackgroundContext } from '../core/context';
import { cacheGet, cachePut } from '../cache/cache';
import { cacheKeys } from '../cache/keys';
import { snapshotEntryById } from './snapshot';
import type { BookRef } from '../../shared/book-ref';
import type { CanonStatus } from '../../shared/messages/views';
import { canonRequest } from '../canon-client/http';
import { canonRoutes } from '../canon-client/routes';
import { decideKnown } from '../canon-index/known';
import { syncCanonIndex } from '../canon-index/sync';

type Deps = Pick<BackgroundContext, 'db' | 'fetch' | 'now' | 'server'>;

const NOT_IN_CANON: LookupAnswer = { inCanon: false, nomination: null };

type LookedUpBook = Pick<BookRef, 'isbn13' | 'title' | 'authors'>;

/**
 * Lookups of a book running now: a page's report sets the tab's badge and
 * its sidebar asks for the same book a moment later; both wait for the one
 * lookup rather than read the index and the cache twice. Only running
 * lookups are shared, never a finished answer, so no one is shown an answer
 * older than their question.
 */
const lookingUp = new Map<string, Promise<CanonStatus | null>>();

export function canonLookup(deps: Deps, book: LookedUpBook, refresh = false): Promise<CanonStatus | null> {
  if (refresh) return lookupOnce(deps, book, true);
  const key = JSON.stringify([book.isbn13, book.title ?? null, book.authors]);
  let running = lookingUp.get(key);
  if (running === undefined) {
    running = lookupOnce(deps, book, false).finally(() => lookingUp.delete(key));
    lookingUp.set(key, running);
  }
  return running;
}

async function lookupOnce(deps: Deps, book: LookedUpBook, refresh: boolean): Promise<CanonStatus | null> {
  const decision = await decideKnown(deps, book);
  if (decision.kind === 'unidentified') return null;
  // Not in the index: the canon does not know the book, and no server is told it was looked at.
  if (decision.kind === 'unknown') {
    return { answer: NOT_IN_CANON, origin: 'index', fetchedAt: decision.syncedAt, stale: false };
  }
  return lookupTarget(deps, decision.target, refresh);
}

async function lookupTarget(deps: Deps, target: IndexTarget, refresh: boolean): Promise<CanonStatus> {
  const server = await deps.server();
  const key = cacheKeys.canonByTarget(server, target);
  const cached = await cacheGet<LookupAnswer>(deps.db, key, deps.now());
  if (cached !== undefined && !refresh) {
    // Stale: shown now, refreshed behind it; open pages hear when the fresh answer is in.
    if (!cached.fresh) void revalidate(deps, server, key, target);
    return { answer: cached.value, origin: 'server', fetchedAt: cached.fetchedAt, stale: !cached.fresh };
  }
  const fetched = await fetchAndStore(deps, server, key, target);
  if (fetched !== null) return { answer: fetched.answer, origin: 'server', fetchedAt: fetched.fetchedAt, stale: false };
  if (cached !== undefined) return { answer: cached.value, origin: 'server', fetchedAt: cached.fetchedAt, stale: true };
  const entry = target.startsWith('b:') ? await snapshotEntryById(deps.db, target.slice(2)) : null;
  const answer: LookupAnswer = entry === null ? NOT_IN_CANON : { inCanon: true, entry };
  return { answer, origin: 'snapshot', fetchedAt: deps.now(), stale: false };
}

async function revalidate(deps: Deps, server: string, key: string, target: IndexTarget): Promise<void> {
  const fresh = await fetchAndStore(deps, server, key, target).catch(() => null);
  if (fresh !== null) await announceChange(['book'], deps.now()).catch(() => undefined);
}

/**
 * Lookups running now, by cache key: a page's report (the badge) and its
 * sidebar ask for the same book at once, and the server should hear of it once.
 */
const inFlight = new Map<string, Promise<{ answer: LookupAnswer; fetchedAt: number } | null>>();

/** The answer and the time it was stored under, so callers report the same `fetchedAt` the cache keeps. */
function fetchAndStore(
  deps: Deps,
  server: string,
  key: string,
  target: IndexTarget,
): Promise<{ answer: LookupAnswer; fetchedAt: number } | null> {
  let running = inFlight.get(key);
  if (running === undefined) {
    running = fetchAndStoreOnce(deps, server, key, target).finally(() => inFlight.delete(key));
    inFlight.set(key, running);
  }
  return running;
}

async function fetchAndStoreOnce(
  deps: Deps,
  server: string,
  key: string,
  target: IndexTarget,
): Promise<{ answer: LookupAnswer; fetchedAt: number } | null> {
  const answer = await fetchTarget(deps, server, target);
  if (answer === null) return null;
  const freshMs = answer.inCanon ? CACHE_FRESH_MS.canonHit : CACHE_FRESH_MS.canonMiss;
  const fetchedAt = deps.now();
  await cachePut(deps.db, key, answer, { kind: 'canon', freshMs, now: fetchedAt });
  return { answer, fetchedAt };
}

/** The entry or nomination the index named; null when the server cannot say. */
async function fetchTarget(deps: Deps, server: string, target: IndexTarget): Promise<LookupAnswer | null> {
  const id = target.slice(2);
  if (target.startsWith('n:')) {
    const response = await canonRequest(
      deps.fetch,
      server,
      { method: 'GET', path: canonRoutes.nominationById(id) },
      NominationSummary,
    );
    if (response.kind === 'http' && response.status === 404) return indexBehind(deps);
    if (response.kind !== 'ok') return null;
    const nomination = response.value;
    // Accepted since the index was synced: the entry it became is the answer.
    if (nomination.status === 'accepted' && nomination.bookId !== null) {
      void syncCanonIndex(deps).catch(() => undefined);
      return fetchTarget(deps, server, `b:${nomination.bookId}`);
    }
    return { inCanon: false, nomination };
  }
  const response = await canonRequest(
    deps.fetch,
    server,
    { method: 'GET', path: canonRoutes.bookById(id) },
    CanonEntry,
  );
  if (response.kind === 'http' && response.status === 404) return indexBehind(deps);
  return response.kind === 'ok' ? { inCanon: true, entry: response.value } : null;
}

/** The index named something the server no longer has: bring the index up to date. */
function indexBehind(deps: Deps): LookupAnswer {
  void syncCanonIndex(deps).catch(() => undefined);
  return NOT_IN_CANON;
}
