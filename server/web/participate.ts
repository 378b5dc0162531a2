/**
 * Taking part from the book page without the extension, as on the seed page:
 * name and e-mail the first time (a new identity whose secret stays in an
 * HttpOnly cookie), then a comment and a rating. Until the mailed link is
 * followed both are provisional, exactly as from the extension.
 *
 * Forms carry a CSRF token that must equal the browser's CSRF cookie (double
 * submit), and a request from another origin is refused outright.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import * as v from 'valibot';
import { CreateCommentRequest, RegisterIdentityRequest, SetRatingRequest } from '../../lib/shared/api';
import { bookTag } from '../books/cache-tags';
import type { AppEnv, Deps } from '../deps';
import { hashSecret } from '../identities/auth';
import { registerIdentity } from '../identities/register';
import { isBlocked } from '../moderation/blocking';
import { pickLocale } from './i18n';
import { lockVoice, voiceBySecretHash, type Voice } from '../people/voice';
import { ApiError } from '../security/errors';

export const IDENTITY_COOKIE = 'bookside_identity';
export const CSRF_COOKIE = 'bookside_csrf';
const YEAR_S = 365 * 24 * 3600;
const SECRET = /^[A-Za-z0-9_-]{16,200}$/;

export type FormProblem =
  'csrf' | 'who' | 'comment' | 'rating' | 'nothing' | 'limited' | 'reason' | 'isbn' | 'book' | 'gone' | 'incanon';

/** Secure whenever the server's public address is HTTPS, so the secret never travels in clear text. */
export function cookieOptions(config: Deps['config']) {
  return {
    httpOnly: true,
    sameSite: 'Lax' as const,
    secure: config.publicUrl.startsWith('https:'),
    path: '/',
    maxAge: YEAR_S,
  };
}

/** The browser's voice from its identity cookie, or null. */
export async function cookieVoice(deps: Deps, c: Context<AppEnv>): Promise<Voice | null> {
  const secret = getCookie(c, IDENTITY_COOKIE);
  if (secret === undefined || !SECRET.test(secret)) return null;
  return voiceBySecretHash(deps.db, hashSecret(secret));
}

/** The browser's CSRF token, set now if it has none. */
export function csrfToken(deps: Deps, c: Context<AppEnv>): string {
  const existing = getCookie(c, CSRF_COOKIE);
  if (existing !== undefined && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomBytes(32).toString('base64url');
  setCookie(c, CSRF_COOKIE, token, cookieOptions(deps.config));
  return token;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function fromThisSite(deps: Deps, c: Context<AppEnv>): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  return origin === new URL(c.req.url).origin || origin === new URL(deps.config.publicUrl).origin;
}

export const field = (form: Record<string, unknown>, name: string) => {
  const value = form[name];
  return typeof value === 'string' ? value : '';
};

export type FormOutcome = { ok: true; anchor: string } | { ok: false; problem: FormProblem };

export type WebForm = Record<string, unknown>;

/**
 * The submitted form, once its CSRF token matches the browser's cookie and it
 * comes from this site; null otherwise (the caller answers `csrf`).
 */
export async function trustedForm(deps: Deps, c: Context<AppEnv>): Promise<WebForm | null> {
  const form = await c.req.parseBody();
  const csrfCookie = getCookie(c, CSRF_COOKIE);
  if (!fromThisSite(deps, c) || csrfCookie === undefined || !sameToken(csrfCookie, field(form, 'csrf'))) return null;
  return form;
}

/**
 * The browser's voice: its cookie's, or a new identity from the form's name
 * and e-mail (the confirmation mail goes out, the secret goes into the
 * HttpOnly cookie). Null when the form names nobody usable.
 */
export async function formVoice(deps: Deps, c: Context<AppEnv>, form: WebForm): Promise<Voice | null> {
  const known = await cookieVoice(deps, c);
  if (known !== null) return known;
  const who = v.safeParse(RegisterIdentityRequest, { name: field(form, 'name'), email: field(form, 'email') });
  if (!who.success) return null;
  const client = c.get('clientIp');
  await deps.limiter.consume('register', client, deps.config.rateLimits.registrationsPerIp);
  // The page's language is the one its reader reads, so the mail is written in it too.
  const language = pickLocale(c.req.header('accept-language'));
  const identity = await registerIdentity(deps, { ...who.output, language }, client);
  setCookie(c, IDENTITY_COOKIE, identity.secret, cookieOptions(deps.config));
  const voice = await voiceBySecretHash(deps.db, hashSecret(identity.secret));
  if (voice === null) throw new Error('a new identity has no voice');
  return voice;
}

/** A rate limit becomes the form's `limited` problem; anything else stays an error. */
export async function limitedAsProblem<T>(work: () => Promise<T>): Promise<T | { ok: false; problem: 'limited' }> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ApiError && error.status === 429) return { ok: false, problem: 'limited' };
    throw error;
  }
}

/** Handles one submitted book-page form; the caller redirects to the outcome. */
export async function submitBookForm(deps: Deps, c: Context<AppEnv>, bookId: string): Promise<FormOutcome> {
  const { write, limiter, config, clock } = deps;
  const form = await trustedForm(deps, c);
  if (form === null) return { ok: false, problem: 'csrf' };
  const body = field(form, 'body');
  const ratingText = field(form, 'rating');
  const comment =
    body.trim() === '' ? null : v.safeParse(CreateCommentRequest, { body, spoiler: form.spoiler === 'on' });
  const rating = ratingText === '' ? null : v.safeParse(SetRatingRequest, { value: Number(ratingText) });
  if (comment === null && rating === null) return { ok: false, problem: 'nothing' };
  if (comment !== null && !comment.success) return { ok: false, problem: 'comment' };
  if (rating !== null && !rating.success) return { ok: false, problem: 'rating' };

  return limitedAsProblem(async (): Promise<FormOutcome> => {
    const voice = await formVoice(deps, c, form);
    if (voice === null) return { ok: false, problem: 'who' };
    const identityId = voice.identityId;
    const now = clock.now();
    let anchor = 'rating';
    await write(async (tx) => {
      const locked = await lockVoice(tx.trx, identityId);
      if (locked === null) throw new ApiError(401, 'unauthorized', 'This browser was forgotten.');
      const book = await tx.trx.selectFrom('books').select('id').where('id', '=', bookId).executeTakeFirst();
      if (book === undefined) throw new ApiError(404, 'not_found', 'No such book.');
      if (rating?.success) {
        await limiter.consume('writes-reader', locked.ownerId, config.rateLimits.writesPerIdentity, tx.trx);
        const halfStars = Math.round(rating.output.value * 2);
        await tx.trx
          .insertInto('ratings')
          .values({ book_id: bookId, owner_id: locked.ownerId, half_stars: halfStars, updated_at: now })
          .onConflict((oc) =>
            oc.columns(['book_id', 'owner_id']).doUpdateSet({ half_stars: halfStars, updated_at: now }),
          )
          .execute();
      }
      if (comment?.success) {
        await limiter.consume('comments', locked.ownerId, config.rateLimits.commentsPerIdentity, tx.trx);
        const id = randomUUID();
        await tx.trx
          .insertInto('comments')
          .values({
            id,
            book_id: bookId,
            identity_id: locked.identityId,
            body: comment.output.body,
            // Nothing goes live before the address is confirmed; a blocked writer's posts never do.
            status: (await isBlocked(tx.trx, locked.identityId, locked.personId))
              ? 'spam'
              : locked.confirmed
                ? 'published'
                : 'waiting',
            spoiler: comment.output.spoiler ? 1 : 0,
            created_at: now,
          })
          .execute();
        anchor = `comment-${id}`;
      }
      tx.changed(bookTag(bookId));
    });
    return { ok: true, anchor };
  });
}
