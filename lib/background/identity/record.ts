/**
 * This browser's commenter identity on one canon server. It holds the e-mail
 * address and the secret, so it lives only in the background's IndexedDB
 * (never in storage.local, which content scripts can read) and is only ever
 * described to extension pages. The record's shape is in lib/background/database/schema.
 */
import type { BooksideDb, IdentityRecord } from '../database/schema';

export async function identityFor(db: BooksideDb, server: string): Promise<IdentityRecord | null> {
  return (await db.get('identities', server)) ?? null;
}

/** An identity that writes may be sent with. */
export async function usableIdentity(db: BooksideDb, server: string): Promise<IdentityRecord | null> {
  const identity = await identityFor(db, server);
  return identity !== null && !identity.rejected ? identity : null;
}

export async function saveIdentity(db: BooksideDb, identity: IdentityRecord): Promise<void> {
  await db.put('identities', identity);
}

export async function updateIdentity(
  db: BooksideDb,
  server: string,
  change: (identity: IdentityRecord) => IdentityRecord,
): Promise<IdentityRecord | null> {
  const tx = db.transaction('identities', 'readwrite');
  const current = await tx.store.get(server);
  const next = current === undefined ? null : change(current);
  if (next !== null) void tx.store.put(next);
  await tx.done;
  return next;
}

export async function forgetIdentity(db: BooksideDb, server: string): Promise<void> {
  await db.delete('identities', server);
}
