/**
 * Double opt-in: a single-use, expiring link per confirmation mail, stored
 * only as a hash, and at most a few mails per address per hour. Following the
 * link publishes everything the identity wrote while it waited.
 */
import { canonicalEmail } from '../../lib/shared/api';
import type { CanonDb } from '../db/connect';
import type { IdentitiesTable } from '../db/tables';
import type { Deps } from '../deps';
import { CONFIRMATION_MAILS_PER_HOUR, CONFIRMATION_TOKEN_TTL_MS, HOUR_MS } from '../limits';
import { hashSecret, newSecret } from './auth';

/** Seconds until another mail may go to this address, or 0 when one may go now. */
export async function mailWaitSeconds(db: CanonDb, email: string, now: number): Promise<number> {
  const recent = await db
    .selectFrom('confirmation_tokens')
    .select('created_at')
    .where('email_canonical', '=', canonicalEmail(email))
    .where('created_at', '>', now - HOUR_MS)
    .orderBy('created_at')
    .execute();
  if (recent.length < CONFIRMATION_MAILS_PER_HOUR) return 0;
  const oldest = recent[recent.length - CONFIRMATION_MAILS_PER_HOUR];
  return Math.max(1, Math.ceil(((oldest?.created_at ?? now) + HOUR_MS - now) / 1000));
}

/**
 * Issues a token and sends its link. The mail goes out in the background so
 * a slow mail server cannot hold the request (or reveal anything by timing);
 * a failure is logged and the reader can ask for another mail.
 */
export async function sendConfirmation(deps: Deps, identity: IdentitiesTable): Promise<void> {
  const now = deps.clock.now();
  const token = newSecret();
  await deps.db
    .insertInto('confirmation_tokens')
    .values({
      token_hash: hashSecret(token),
      identity_id: identity.id,
      email_canonical: identity.email_canonical,
      expires_at: now + CONFIRMATION_TOKEN_TTL_MS,
      used_at: null,
      created_at: now,
    })
    .execute();
  const link = `${deps.config.publicUrl}/confirm/${token}`;
  deps.mailer
    .sendConfirmation({ to: identity.email, name: identity.name, link })
    .catch((error: unknown) => deps.log(`confirmation mail for identity ${identity.id} failed: ${String(error)}`));
}

export type ConfirmOutcome = 'confirmed' | 'invalid';

/** Uses the token (once), confirms the identity and publishes its waiting comments, in one transaction. */
export async function confirmToken(db: CanonDb, token: string, now: number): Promise<ConfirmOutcome> {
  return db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable('confirmation_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', hashSecret(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('identity_id')
      .executeTakeFirst();
    if (used === undefined) return 'invalid';
    await trx
      .updateTable('identities')
      .set({ confirmed_at: now })
      .where('id', '=', used.identity_id)
      .where('confirmed_at', 'is', null)
      .execute();
    await trx
      .updateTable('comments')
      .set({ status: 'published' })
      .where('identity_id', '=', used.identity_id)
      .where('status', '=', 'waiting')
      .execute();
    // Ratings, tags and links count as confirmed through the identity's confirmed_at.
    return 'confirmed';
  });
}
