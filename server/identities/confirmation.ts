/**
 * Double opt-in: a single-use, expiring link per confirmation mail, stored
 * only as a hash. Following the link joins the identity to the person of its
 * address (people/join.ts) and publishes what it wrote while it waited.
 *
 * Mails are budgeted per normalised address *and requesting client*, so a
 * stranger asking for mails to someone else's address spends only their own
 * share and can never leave the owner without a link; a ceiling per address
 * keeps a mailbox from being flooded, and a budget per client keeps one
 * client from mailing many addresses.
 */
import type { Deps } from '../deps';
import { CONFIRMATION_TOKEN_TTL_MS } from '../limits';
import { joinPerson } from '../people/join';
import { ApiError } from '../security/errors';
import { hashSecret, newSecret } from './auth';

export type MailAllowance = { ok: true } | { ok: false; error: ApiError };

/** Spends one mail from every budget it touches, or from none (one transaction) when any is spent. */
export async function mailAllowance(deps: Deps, emailKey: string, clientIp: string): Promise<MailAllowance> {
  const { rateLimits } = deps.config;
  try {
    await deps.write(async ({ trx }) => {
      await deps.limiter.consume(
        'mail-address-client',
        `${emailKey} ${clientIp}`,
        rateLimits.mailsPerAddressPerClient,
        trx,
      );
      await deps.limiter.consume('mail-address', emailKey, rateLimits.mailsPerAddress, trx);
      await deps.limiter.consume('mail-client', clientIp, rateLimits.mailsPerClient, trx);
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof ApiError && error.status === 429) return { ok: false, error };
    throw error;
  }
}

export type MailTo = { id: string; name: string; email: string; email_canonical: string; language: string | null };

/**
 * Issues a token and sends its link. The mail goes out in the background so
 * a slow mail server cannot hold the request (or reveal anything by timing);
 * a failure is logged and the reader can ask for another mail.
 */
export async function sendConfirmation(deps: Deps, identity: MailTo): Promise<void> {
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
    .sendConfirmation({ to: identity.email, name: identity.name, link, language: identity.language })
    .catch((error: unknown) =>
      deps.log.error(`confirmation mail for identity ${identity.id} failed: ${String(error)}`),
    );
}

export type ConfirmOutcome = 'confirmed' | 'invalid';

/**
 * Uses the token (once) and joins its identity to its person, in one
 * transaction. `language` is the one its browser registered with, also for a
 * used or expired link, so the page answers in it; null for a token never
 * issued (or an identity older than languages).
 */
export async function confirmToken(
  deps: Deps,
  token: string,
  now: number,
): Promise<{ outcome: ConfirmOutcome; language: string | null }> {
  const issued = await deps.db
    .selectFrom('confirmation_tokens')
    .innerJoin('identities', 'identities.id', 'confirmation_tokens.identity_id')
    .select('identities.language')
    .where('confirmation_tokens.token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  const outcome = await useToken(deps, token, now);
  return { outcome, language: issued?.language ?? null };
}

async function useToken(deps: Deps, token: string, now: number): Promise<ConfirmOutcome> {
  return deps.write(async (tx) => {
    const used = await tx.trx
      .updateTable('confirmation_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', hashSecret(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('identity_id')
      .executeTakeFirst();
    if (used === undefined) return 'invalid';
    const outcome = await joinPerson(tx, used.identity_id, now);
    return outcome === 'forgotten' ? 'invalid' : 'confirmed';
  });
}
