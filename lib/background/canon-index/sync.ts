/**
 * Fetching the canon index from the server: with the ETag it has (a 304 costs
 * nothing), and with the version it holds (the server answers the changes
 * since). The request names no book: it is the same for every reader at any
 * moment, whatever page is open. A canon served by prefix sends its header
 * only; its keys are then asked for by hash prefix (./known).
 */
import * as v from 'valibot';
import { API_PREFIX, CanonIndexAnswer } from '../../shared/api';
import type { BackgroundContext } from '../core/context';
import { CANON_REQUEST_TIMEOUT_MS, INDEX_SYNC_EVERY_MS, INDEX_SYNC_RETRY_MS } from '../core/limits';
import { canonRoutes } from '../canon-client/routes';
import { applyIndexDelta, readIndexState, replaceIndex, writeIndexState, type IndexState } from './state';

type Deps = Pick<BackgroundContext, 'db' | 'fetch' | 'now' | 'server'>;

export type SyncOutcome = 'unchanged' | 'replaced' | 'delta' | 'header' | 'failed';

/** One sync at a time per worker: a start, an alarm and a delivered nomination may all ask at once. */
let running: Promise<SyncOutcome> | null = null;
/** The one sync that follows the running one, shared by everyone who asked while it ran. */
let following: Promise<SyncOutcome> | null = null;

/**
 * Syncs the index. A caller who asks while a sync runs is answered by one
 * more sync after it, not by the running one: that one may have sent its
 * request before the change the caller knows of (a new server address, a
 * delivered nomination), and would leave the index without it until the
 * next alarm. However many ask meanwhile, one sync follows.
 */
export function syncCanonIndex(deps: Deps): Promise<SyncOutcome> {
  if (running === null) {
    running = syncOnce(deps).finally(() => (running = null));
    return running;
  }
  following ??= running
    .catch(() => undefined)
    .then(() => {
      following = null;
      return syncCanonIndex(deps);
    });
  return following;
}

/** True when the held index is not from the server now in use, or is older than the sync interval. */
export function indexSyncDue(state: IndexState | null, server: string, now: number): boolean {
  if (state === null || state.server !== server) return now - (state?.triedAt ?? 0) >= INDEX_SYNC_RETRY_MS;
  return now - state.syncedAt >= INDEX_SYNC_EVERY_MS && now - state.triedAt >= INDEX_SYNC_RETRY_MS;
}

async function syncOnce(deps: Deps): Promise<SyncOutcome> {
  const server = await deps.server();
  const held = await readIndexState(deps.db);
  const sameServer = held !== null && held.server === server && held.header !== null;
  const since = sameServer && held.header?.mode === 'document' ? held.header.version : null;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (sameServer && held.etag !== null) headers['If-None-Match'] = held.etag;
  const triedAt = deps.now();
  let response: Response;
  let body: unknown = null;
  try {
    response = await deps.fetch(`${server}${API_PREFIX}${canonRoutes.canonIndex(since)}`, {
      method: 'GET',
      headers,
      credentials: 'omit',
      signal: AbortSignal.timeout(CANON_REQUEST_TIMEOUT_MS),
    });
    if (response.status === 200) body = await response.json();
  } catch {
    return failed(deps, held, triedAt);
  }
  if (response.status === 304 && sameServer) {
    await writeIndexState(deps.db, { ...held, syncedAt: deps.now(), triedAt });
    return 'unchanged';
  }
  const parsed = v.safeParse(CanonIndexAnswer, body);
  if (response.status !== 200 || !parsed.success) return failed(deps, held, triedAt);
  const answer = parsed.output;
  const state: IndexState = {
    server,
    header: answer.header,
    etag: response.headers.get('ETag'),
    syncedAt: deps.now(),
    triedAt,
  };
  switch (answer.kind) {
    case 'full':
      await replaceIndex(deps.db, answer.entries, state);
      return 'replaced';
    case 'delta':
      // A delta only ever applies to the version it was asked from.
      if (answer.since !== since) return failed(deps, held, triedAt);
      await applyIndexDelta(deps.db, answer, state);
      return 'delta';
    case 'header':
      // Prefix mode: no keys are held; ./known asks by prefix.
      await replaceIndex(deps.db, [], state);
      return 'header';
  }
}

async function failed(deps: Deps, held: IndexState | null, triedAt: number): Promise<SyncOutcome> {
  // Whatever was held stays: an old index still decides, and the shipped seed always exists.
  if (held !== null) await writeIndexState(deps.db, { ...held, triedAt });
  return 'failed';
}
