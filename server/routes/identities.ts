/** Commenter identities: register, read own state, resend the confirmation mail. */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import {
  canonicalEmail,
  RegisterIdentityRequest,
  type IdentityState,
  type RegisteredIdentity,
} from '../../lib/shared/api';
import type { AppEnv, Deps } from '../deps';
import { readJson } from '../http/body';
import { hashSecret, newSecret, requireIdentity } from '../identities/auth';
import { mailWaitSeconds, sendConfirmation } from '../identities/confirmation';
import { ApiError } from '../security/errors';

export function identityRoutes(deps: Deps) {
  const { db, clock, limiter, config } = deps;
  return new Hono<AppEnv>()
    .post('/identities', async (c) => {
      limiter.consume('register', c.get('clientIp'), config.rateLimits.registrationsPerIp);
      const { value } = await readJson(c, RegisterIdentityRequest);
      const now = clock.now();
      const secret = newSecret();
      // A known address gets a new identity for this browser, exactly like an
      // unknown one, so the answer never tells whether the address was known.
      const identity = {
        id: randomUUID(),
        name: value.name,
        email: value.email,
        email_canonical: canonicalEmail(value.email),
        secret_hash: hashSecret(secret),
        confirmed_at: null,
        created_at: now,
      };
      await db.insertInto('identities').values(identity).execute();
      // Over the mail budget the identity is still created but no mail is sent;
      // the answer stays the same, and "resend" reports when to try again.
      if ((await mailWaitSeconds(db, value.email, now)) === 0) await sendConfirmation(deps, identity);
      const body: RegisteredIdentity = { id: identity.id, secret, confirmed: false };
      return c.json(body, 201);
    })
    .get('/identities/me', async (c) => {
      const identity = await requireIdentity(db, c);
      const body: IdentityState = {
        id: identity.id,
        name: identity.name,
        confirmed: identity.confirmed_at !== null,
        confirmedAt: identity.confirmed_at === null ? null : new Date(identity.confirmed_at).toISOString(),
      };
      return c.json(body);
    })
    .post('/identities/me/resend', async (c) => {
      const identity = await requireIdentity(db, c);
      limiter.consume('writes-identity', identity.id, config.rateLimits.writesPerIdentity);
      if (identity.confirmed_at !== null) throw new ApiError(409, 'conflict', 'This identity is already confirmed.');
      const wait = await mailWaitSeconds(db, identity.email, clock.now());
      if (wait > 0) {
        throw new ApiError(
          429,
          'rate_limited',
          `Confirmation mails to this address are limited; try again in ${wait} s.`,
          {
            'Retry-After': String(wait),
          },
        );
      }
      await sendConfirmation(deps, identity);
      return c.json({ ok: true as const }, 202);
    });
}
