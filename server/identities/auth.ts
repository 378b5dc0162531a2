/** Identity secrets: generated once, stored only as hashes, presented as bearer tokens. */
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { CanonDb } from '../db/connect';
import { SECRET_BYTES } from '../limits';
import { voiceBySecretHash, type Voice } from '../people/voice';
import { ApiError } from '../security/errors';

export function newSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

/** SHA-256 is enough here: the secrets are 256-bit random, not passwords. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The token of an `Authorization: Bearer …` header: any visible ASCII (RFC 6750 allows `+/=`), or null. */
export function bearerToken(c: Context): string | null {
  const header = c.req.header('authorization');
  const match = header === undefined ? null : /^Bearer +([\x21-\x7e]{1,512}) *$/i.exec(header);
  return match?.[1] ?? null;
}

/** Identity secrets as this server issues them (base64url, 43 characters). */
const IDENTITY_SECRET = /^[A-Za-z0-9_-]{16,200}$/;

export async function findVoice(db: CanonDb, c: Context): Promise<Voice | null> {
  const secret = bearerToken(c);
  if (secret === null || !IDENTITY_SECRET.test(secret)) return null;
  return voiceBySecretHash(db, hashSecret(secret));
}

export const unauthorized = () =>
  new ApiError(401, 'unauthorized', 'Send your identity secret as "Authorization: Bearer <secret>".', {
    'WWW-Authenticate': 'Bearer',
  });

export async function requireVoice(db: CanonDb, c: Context): Promise<Voice> {
  const voice = await findVoice(db, c);
  if (voice === null) throw unauthorized();
  return voice;
}
