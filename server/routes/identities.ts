/**
 * Commenter identities, one per browser: register, read own state, resend the
 * confirmation mail, forget. Registering never says whether an address is
 * known or how many mails it has had: every well-formed registration gets the
 * same 202 and the same words.
 */
import { Hono } from 'hono';
import {
  REGISTRATION_MESSAGE,
  RegisterIdentityRequest,
  type IdentityState,
  type RegisteredIdentity,
} from '../../lib/shared/api';
import type { AppEnv, Deps } from '../deps';
import { readJson } from '../http/body';
import { requireVoice } from '../identities/auth';
import { mailAllowance, sendConfirmation } from '../identities/confirmation';
import { registerIdentity } from '../identities/register';
import { forgetIdentity } from '../people/join';
import { ApiError } from '../security/errors';

export function identityRoutes(deps: Deps) {
  const { db, write, clock, limiter, config } = deps;
  return new Hono<AppEnv>()
    .post('/identities', async (c) => {
      const client = c.get('clientIp');
      await limiter.consume('register', client, config.rateLimits.registrationsPerIp);
      const { value } = await readJson(c, RegisterIdentityRequest);
      const identity = await registerIdentity(deps, value, client);
      const body: RegisteredIdentity = {
        id: identity.id,
        secret: identity.secret,
        confirmed: false,
        message: REGISTRATION_MESSAGE,
      };
      return c.json(body, 202);
    })
    .get('/identities/me', async (c) => {
      const voice = await requireVoice(db, c);
      const body: IdentityState = {
        id: voice.identityId,
        name: voice.name,
        confirmed: voice.confirmed,
        confirmedAt: voice.confirmedAt === null ? null : new Date(voice.confirmedAt).toISOString(),
      };
      return c.json(body);
    })
    .post('/identities/me/resend', async (c) => {
      const voice = await requireVoice(db, c);
      await limiter.consume('writes-reader', voice.ownerId, config.rateLimits.writesPerIdentity);
      if (voice.confirmed) throw new ApiError(409, 'conflict', 'This identity is already confirmed.');
      const identity = await db
        .selectFrom('identities')
        .select(['id', 'name', 'email', 'email_canonical', 'language'])
        .where('id', '=', voice.identityId)
        .executeTakeFirstOrThrow();
      const allowance = await mailAllowance(deps, identity.email_canonical, c.get('clientIp'));
      if (!allowance.ok) {
        const wait = allowance.error.headers['Retry-After'] ?? '1';
        throw new ApiError(429, 'rate_limited', `Confirmation mails are limited; try again in ${wait} s.`, {
          'Retry-After': wait,
        });
      }
      await sendConfirmation(deps, identity);
      return c.json({ ok: true as const }, 202);
    })
    .delete('/identities/me', async (c) => {
      const voice = await requireVoice(db, c);
      // Only this browser's credential goes; the person and their other browsers stay as they are.
      await write((tx) => forgetIdentity(tx, voice.identityId, clock.now()));
      return c.body(null, 204);
    });
}
