/**
 * Who is speaking, and how a credential becomes a reader.
 *
 * An identity is one credential: a browser's secret today, a web sign-in
 * later, each stored only as a hash. A person is a confirmed e-mail address.
 * Following a confirmation link joins the identity to the person of its
 * address (people/join.ts), so one reader with three browsers is one person.
 *
 * Everything that counts once per reader — a rating, a tag set, a flag, a
 * second — is stored under an owner id: the person's id once the identity is
 * joined, the identity's own id while it waits. A row owned by a person is
 * confirmed; a row owned by an identity is provisional.
 */
import type { CanonDb } from '../db/connect';
import { lockForUpdate } from '../db/write';

export type Voice = {
  identityId: string;
  personId: string | null;
  /** The key of everything that counts once per reader. */
  ownerId: string;
  confirmed: boolean;
  confirmedAt: number | null;
  /** The name others see: the person's once joined, the identity's while it waits. */
  name: string;
};

type VoiceRow = {
  id: string;
  person_id: string | null;
  confirmed_at: number | null;
  identity_name: string;
  person_name: string | null;
};

function toVoice(row: VoiceRow): Voice {
  return {
    identityId: row.id,
    personId: row.person_id,
    ownerId: row.person_id ?? row.id,
    confirmed: row.person_id !== null,
    confirmedAt: row.confirmed_at,
    name: row.person_name ?? row.identity_name,
  };
}

function voices(db: CanonDb) {
  return db
    .selectFrom('identities as i')
    .leftJoin('people as p', 'p.id', 'i.person_id')
    .select(['i.id', 'i.person_id', 'i.confirmed_at', 'i.name as identity_name', 'p.name as person_name'])
    .where('i.revoked_at', 'is', null);
}

/** The voice of a presented credential, or null when no live identity has it. */
export async function voiceBySecretHash(db: CanonDb, secretHash: string): Promise<Voice | null> {
  const row = await voices(db).where('i.secret_hash', '=', secretHash).executeTakeFirst();
  return row === undefined ? null : toVoice(row);
}

/**
 * The identity's voice read again inside a write transaction, with the
 * identity and then its person locked: a confirmation or another browser of
 * the same person cannot change who owns what until this write commits.
 * Null when the identity has been forgotten meanwhile.
 */
export async function lockVoice(trx: CanonDb, identityId: string): Promise<Voice | null> {
  const identity = await lockForUpdate(
    trx,
    trx
      .selectFrom('identities')
      .select(['id', 'person_id'])
      .where('id', '=', identityId)
      .where('revoked_at', 'is', null),
  ).executeTakeFirst();
  if (identity === undefined) return null;
  if (identity.person_id !== null) {
    await lockForUpdate(trx, trx.selectFrom('people').select('id').where('id', '=', identity.person_id)).execute();
  }
  const row = await voices(trx).where('i.id', '=', identityId).executeTakeFirst();
  return row === undefined ? null : toVoice(row);
}
