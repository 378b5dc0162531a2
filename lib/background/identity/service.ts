/** Registering, re-checking, resending and forgetting this browser's commenter identity. */
import * as v from 'valibot';
import {
  Accepted,
  IdentityState,
  RegisteredIdentity,
  supportedLanguage,
  type RegisterIdentityBody,
} from '../../shared/api';
import { announceChange } from '../core/announce';
import { IDENTITY_RECHECK_MS } from '../core/limits';
import { cacheDeletePrefix } from '../cache/cache';
import { cacheKeys } from '../cache/keys';
import type { BackgroundContext } from '../core/context';
import { canonRequest, failureOf } from '../canon-client/http';
import { canonRoutes } from '../canon-client/routes';
import { fail, ok, type Result } from '../../shared/messages/result';
import type { IdentityView } from '../../shared/messages/views';
import { forgetIdentity, identityFor, saveIdentity, updateIdentity } from './record';
import type { IdentityRecord } from '../database/schema';

type Deps = Pick<BackgroundContext, 'db' | 'fetch' | 'now' | 'server' | 'outbox' | 'uiLanguage'>;

export function identityView(record: IdentityRecord): IdentityView {
  const { server, name, email, confirmed, confirmedAt, rejected, checkedAt } = record;
  return { server, name, email, confirmed, confirmedAt, rejected, checkedAt };
}

export async function registerIdentity(deps: Deps, body: RegisterIdentityBody): Promise<Result<IdentityView>> {
  const server = await deps.server();
  // The browser's language unless the page named one; a language the server cannot write in is left out (English).
  const language = body.language ?? supportedLanguage(deps.uiLanguage()) ?? undefined;
  const request: RegisterIdentityBody = language === undefined ? body : { ...body, language };
  const response = await canonRequest(
    deps.fetch,
    server,
    { method: 'POST', path: canonRoutes.identities(), body: JSON.stringify(request) },
    RegisteredIdentity,
  );
  if (response.kind !== 'ok') return failureOf(response);
  const now = deps.now();
  const record: IdentityRecord = {
    server,
    id: response.value.id,
    secret: response.value.secret,
    name: body.name,
    email: body.email,
    confirmed: response.value.confirmed,
    confirmedAt: null,
    registeredAt: now,
    checkedAt: now,
    rejected: false,
  };
  await saveIdentity(deps.db, record);
  // Writes made before there was an identity go out now; the server holds them until the e-mail link is followed.
  void deps.outbox.flush();
  return ok(identityView(record));
}

/**
 * Following the e-mail link published this reader's waiting comments and made
 * their ratings and tags count: cached comment pages and canon answers are now
 * out of date, and open pages should show the change.
 */
async function onConfirmed(deps: Deps, server: string): Promise<void> {
  await cacheDeletePrefix(deps.db, cacheKeys.canonOfServer(server));
  await cacheDeletePrefix(deps.db, cacheKeys.commentsOfServer(server));
  await announceChange(['identity', 'book', 'comments', 'mine'], deps.now()).catch(() => undefined);
  void deps.outbox.flush();
}

/** The identity, asking the server about confirmation when it is due (or `recheck`). */
export async function currentIdentity(deps: Deps, recheck: boolean): Promise<Result<IdentityView | null>> {
  const server = await deps.server();
  const record = await identityFor(deps.db, server);
  if (record === null) return ok(null);
  const due = !record.confirmed && !record.rejected && deps.now() - record.checkedAt >= IDENTITY_RECHECK_MS;
  if (!recheck && !due) return ok(identityView(record));
  const response = await canonRequest(
    deps.fetch,
    server,
    { method: 'GET', path: canonRoutes.identityMe(), secret: record.secret },
    IdentityState,
  );
  const now = deps.now();
  let next: IdentityRecord | null = record;
  if (response.kind === 'ok') {
    next = await updateIdentity(deps.db, server, (r) => ({
      ...r,
      confirmed: response.value.confirmed,
      confirmedAt: response.value.confirmedAt,
      checkedAt: now,
      rejected: false,
    }));
    if (response.value.confirmed && !record.confirmed) await onConfirmed(deps, server);
  } else if (response.kind === 'http' && response.status === 401) {
    next = await updateIdentity(deps.db, server, (r) => ({ ...r, rejected: true, checkedAt: now }));
  }
  return ok(next === null ? null : identityView(next));
}

export async function resendConfirmation(deps: Deps): Promise<Result<null>> {
  const server = await deps.server();
  const record = await identityFor(deps.db, server);
  if (record === null) return fail('no-identity', 'Register a commenter identity first.');
  const response = await canonRequest(
    deps.fetch,
    server,
    { method: 'POST', path: canonRoutes.resendConfirmation(), secret: record.secret },
    Accepted,
  );
  if (response.kind === 'ok') return ok(null);
  if (response.kind === 'http' && response.status === 409) {
    await currentIdentity(deps, true);
    return fail('already-confirmed', 'This identity is already confirmed.');
  }
  return failureOf(response);
}

/**
 * Forgets this browser's identity: the server is told first (so a never
 * confirmed identity's provisional rating and tags are withdrawn, and the
 * person's other browsers stay as they are), then the local record goes. A
 * server that cannot be reached does not keep the reader's address here.
 */
export async function forget(deps: Deps): Promise<Result<null>> {
  const server = await deps.server();
  const record = await identityFor(deps.db, server);
  if (record !== null && !record.rejected) {
    await canonRequest(
      deps.fetch,
      server,
      { method: 'DELETE', path: canonRoutes.identityMe(), secret: record.secret },
      v.unknown(),
    );
  }
  await forgetIdentity(deps.db, server);
  return ok(null);
}
