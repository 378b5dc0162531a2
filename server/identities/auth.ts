/** Identity secrets: generated once, stored only as hashes, presented as bearer tokens. */
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { CanonDb } from '../db/connect';
import type { IdentitiesTable } from '../db/tables';
import { SECRET_BYTES } from '../limits';
import { ApiError } from '../security/errors';

export function newSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

/** SHA-256 is enough here: the secrets are 256-bit random, not passwords. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function bearerToken(c: Context): string | null {
  const header = c.req.header('authorization');
  const match = header === undefined ? null : /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(header);
  return match?.[1] ?? null;
}

export async function findIdentity(db: CanonDb, c: Context): Promise<IdentitiesTable | null> {
  const secret = bearerToken(c);
  if (secret === null) return null;
  const row = await db
    .selectFrom('identities')
    .selectAll()
    .where('secret_hash', '=', hashSecret(secret))
    .executeTakeFirst();
  return row ?? null;
}

export async function requireIdentity(db: CanonDb, c: Context): Promise<IdentitiesTable> {
  const identity = await findIdentity(db, c);
  if (identity === null) {
    throw new ApiError(401, 'unauthorized', 'Send your identity secret as "Authorization: Bearer <secret>".', {
      'WWW-Authenticate': 'Bearer',
    });
  }
  return identity;
}
