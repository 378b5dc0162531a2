/**
 * A new identity for one browser, and its confirmation mail when the mail
 * budgets allow: shared by the API (the extension keeps the secret) and the
 * web form (the secret lives in an HttpOnly cookie).
 */
import { randomUUID } from 'node:crypto';
import { canonicalEmail } from '../../lib/shared/api';
import type { Deps } from '../deps';
import { hashSecret, newSecret } from './auth';
import { mailAllowance, sendConfirmation } from './confirmation';

export async function registerIdentity(
  deps: Deps,
  who: { name: string; email: string; language?: string | undefined },
  client: string,
): Promise<{ id: string; secret: string }> {
  const secret = newSecret();
  // A known address gets a new identity for this browser, exactly like an unknown one;
  // following its link joins it to the person of that address.
  const identity = {
    id: randomUUID(),
    name: who.name,
    email: who.email,
    email_canonical: canonicalEmail(who.email),
    secret_hash: hashSecret(secret),
    confirmed_at: null,
    person_id: null,
    revoked_at: null,
    created_at: deps.clock.now(),
    language: who.language ?? null,
  };
  await deps.db.insertInto('identities').values(identity).execute();
  // Over a mail budget the identity is still created but no mail is sent; the answer
  // is the same, and "resend" says when another mail can go.
  if ((await mailAllowance(deps, identity.email_canonical, client)).ok) await sendConfirmation(deps, identity);
  return { id: identity.id, secret };
}
