/**
 * Signing in to the moderator's desk: an address in MODERATOR_EMAILS asks for
 * a link, the link (single use, MODERATOR_LINK_TTL_MS, stored as a hash)
 * starts a session, the session's secret lives only in an HttpOnly cookie and
 * in the database as a hash. A session ends DESK_SESSION_IDLE_MS after its
 * last request, DESK_SESSION_MAX_MS after sign-in, at sign-out, or as soon as
 * its address is no longer in MODERATOR_EMAILS.
 *
 * Every address gets the same answer and spends the same mail budgets, so
 * the form tells no one who the moderators are.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalEmail, LIMITS } from '../../lib/shared/api';
import type { Deps } from '../deps';
import { mailAllowance } from '../identities/confirmation';
import { hashSecret, newSecret } from '../identities/auth';
import { DESK_SESSION_IDLE_MS, DESK_SESSION_MAX_MS, MODERATOR_LINK_TTL_MS } from '../limits';

export const DESK_LINK_PATH = '/admin/login/';
/** Secrets and tokens as newSecret makes them. */
export const DESK_SECRET = /^[A-Za-z0-9_-]{43}$/;

export type LinkRequestOutcome = 'sent' | 'limited';

/** Mails a sign-in link if the address is a moderator's; answers the same either way. */
export async function requestSignInLink(deps: Deps, email: string, clientIp: string): Promise<LinkRequestOutcome> {
  const key = canonicalEmail(email.slice(0, LIMITS.emailMax));
  const allowance = await mailAllowance(deps, key, clientIp);
  if (!allowance.ok) return 'limited';
  if (!deps.config.moderatorEmails.includes(key)) return 'sent';
  const now = deps.clock.now();
  const token = newSecret();
  await deps.db
    .insertInto('moderator_links')
    .values({
      token_hash: hashSecret(token),
      email_key: key,
      expires_at: now + MODERATOR_LINK_TTL_MS,
      used_at: null,
      created_at: now,
    })
    .execute();
  const minutes = Math.round(MODERATOR_LINK_TTL_MS / 60_000);
  // In the background, so neither a slow mail server nor timing tells a moderator's address from another.
  deps.mailer
    .sendText({
      to: key,
      subject: `Sign in to the ${deps.config.canonName}'s moderator's desk`,
      text: [
        `Someone — we hope you — asked to sign in to the moderator's desk of the ${deps.config.canonName}.`,
        '',
        `Open this link and confirm within ${minutes} minutes; it works once:`,
        '',
        `${deps.config.publicUrl}${DESK_LINK_PATH}${token}`,
        '',
        'If this was not you, ignore this message.',
      ].join('\n'),
    })
    .catch((error: unknown) => deps.log.error(`moderator sign-in mail failed: ${String(error)}`));
  return 'sent';
}

/** Uses a sign-in link (once) and starts a session; returns the session's secret, or null. */
export async function signInWithLink(deps: Deps, token: string): Promise<string | null> {
  if (!DESK_SECRET.test(token)) return null;
  const now = deps.clock.now();
  const used = await deps.db
    .updateTable('moderator_links')
    .set({ used_at: now })
    .where('token_hash', '=', hashSecret(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('email_key')
    .executeTakeFirst();
  if (used === undefined || !deps.config.moderatorEmails.includes(used.email_key)) return null;
  const secret = newSecret();
  await deps.db
    .insertInto('moderator_sessions')
    .values({
      session_hash: hashSecret(secret),
      email_key: used.email_key,
      created_at: now,
      last_seen_at: now,
      expires_at: now + DESK_SESSION_MAX_MS,
    })
    .execute();
  return secret;
}

export type DeskSession = { moderator: string; csrf: string; secret: string };

/** The form token of a session: derived from its secret, so it is tied to it and never stored. */
export function deskCsrf(secret: string): string {
  return createHmac('sha256', secret).update('bookside desk csrf').digest('base64url');
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The live session of a cookie's secret, its idle clock restarted; null when there is none. */
export async function deskSession(deps: Deps, secret: string | undefined): Promise<DeskSession | null> {
  if (secret === undefined || !DESK_SECRET.test(secret)) return null;
  const now = deps.clock.now();
  const touched = await deps.db
    .updateTable('moderator_sessions')
    .set({ last_seen_at: now })
    .where('session_hash', '=', hashSecret(secret))
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', now - DESK_SESSION_IDLE_MS)
    .returning('email_key')
    .executeTakeFirst();
  if (touched === undefined || !deps.config.moderatorEmails.includes(touched.email_key)) return null;
  return { moderator: touched.email_key, csrf: deskCsrf(secret), secret };
}

export async function signOut(deps: Deps, secret: string): Promise<void> {
  await deps.db.deleteFrom('moderator_sessions').where('session_hash', '=', hashSecret(secret)).execute();
}

/** Removes used or expired links and ended sessions (housekeeping). */
export async function sweepDeskSessions(deps: Pick<Deps, 'db'>, now: number): Promise<void> {
  await deps.db
    .deleteFrom('moderator_links')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('used_at', 'is not', null)]))
    .execute();
  await deps.db
    .deleteFrom('moderator_sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', now - DESK_SESSION_IDLE_MS)]))
    .execute();
}
