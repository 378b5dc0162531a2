/** Reads that depend on who asks: comment pages (my pending ones too), my rating and tags, my part in a nomination. */
import { CommentPage, MyBookState, MyNominationState } from '../../shared/api';
import { CACHE_FRESH_MS } from '../core/limits';
import type { BackgroundContext } from '../core/context';
import { cacheGet, cachePut } from '../cache/cache';
import { cacheKeys } from '../cache/keys';
import { usableIdentity } from '../identity/record';
import { ok, type Result } from '../../shared/messages/result';
import type { CommentsView } from '../../shared/messages/views';
import { canonRequest, failureOf } from '../canon-client/http';
import { canonRoutes } from '../canon-client/routes';

type Deps = Pick<BackgroundContext, 'db' | 'fetch' | 'now' | 'server'>;

export async function commentsPage(
  deps: Deps,
  bookId: string,
  cursor: string | null,
  refresh: boolean,
): Promise<Result<CommentsView>> {
  const server = await deps.server();
  const identity = await usableIdentity(deps.db, server);
  const key = cacheKeys.commentPage(server, bookId, identity?.id ?? 'anonymous', cursor);
  const cached = await cacheGet<CommentsView['page']>(deps.db, key, deps.now());
  if (cached?.fresh === true && !refresh) return ok({ page: cached.value, fetchedAt: cached.fetchedAt, stale: false });
  const response = await canonRequest(
    deps.fetch,
    server,
    { method: 'GET', path: canonRoutes.comments(bookId, cursor), secret: identity?.secret ?? null },
    CommentPage,
  );
  if (response.kind === 'ok') {
    // One clock reading: the answer reports the time the cache stores.
    const fetchedAt = deps.now();
    await cachePut(deps.db, key, response.value, {
      kind: 'comments',
      freshMs: CACHE_FRESH_MS.commentPage,
      now: fetchedAt,
    });
    return ok({ page: response.value, fetchedAt, stale: false });
  }
  if (cached !== undefined) return ok({ page: cached.value, fetchedAt: cached.fetchedAt, stale: true });
  return failureOf(response);
}

/** This reader's rating and tags for a canon book; null without identity or when the server cannot say. */
export async function myBookState(deps: Deps, bookId: string): Promise<MyBookState | null> {
  const server = await deps.server();
  const identity = await usableIdentity(deps.db, server);
  if (identity === null) return null;
  const response = await canonRequest(
    deps.fetch,
    server,
    { method: 'GET', path: canonRoutes.mine(bookId), secret: identity.secret },
    MyBookState,
  );
  return response.kind === 'ok' ? response.value : null;
}

/**
 * This reader's part in a nomination (made it, supports it); null without
 * identity or when the server cannot say. Asked fresh each time: it is what
 * decides whether the sidebar offers to second it.
 */
export async function myNominationState(deps: Deps, nominationId: string): Promise<MyNominationState | null> {
  const server = await deps.server();
  const identity = await usableIdentity(deps.db, server);
  if (identity === null) return null;
  const response = await canonRequest(
    deps.fetch,
    server,
    { method: 'GET', path: canonRoutes.myNomination(nominationId), secret: identity.secret },
    MyNominationState,
  );
  return response.kind === 'ok' ? response.value : null;
}

/** A canon failure as a message error the UI can show. */
