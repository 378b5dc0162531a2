/**
 * What "spam" does beyond the one comment: its writer is blocked. A blocked
 * writer's later comments are stored (nothing they send is lost or answered
 * differently, so they learn nothing) but with status `spam`: they never
 * enter the moderation queue and are never published, not even when the
 * writer later confirms an address. The block holds for the writing browser's
 * identity and, once that is joined to a person, for every browser of the person.
 */
import type { CanonDb } from '../db/connect';
import type { Moderator } from './log';

/** Blocks the identity that wrote `commentId` and, if it is joined, its person. */
export async function blockWriterOf(
  trx: CanonDb,
  comment: { id: string; identity_id: string },
  by: Moderator,
  now: number,
): Promise<void> {
  const identity = await trx
    .selectFrom('identities')
    .select(['id', 'person_id'])
    .where('id', '=', comment.identity_id)
    .executeTakeFirst();
  const owners = [comment.identity_id, ...(identity?.person_id ? [identity.person_id] : [])];
  for (const owner of owners) {
    await trx
      .insertInto('blocked_writers')
      .values({ owner_id: owner, comment_id: comment.id, blocked_by: by, blocked_at: now })
      .onConflict((oc) => oc.column('owner_id').doNothing())
      .execute();
  }
}

/**
 * A blocked identity that confirms its address brings the block to its
 * person, so the writer's other browsers are blocked too. Returns whether the
 * writer is blocked.
 */
export async function carryBlock(trx: CanonDb, identityId: string, personId: string): Promise<boolean> {
  const block = await trx
    .selectFrom('blocked_writers')
    .selectAll()
    .where('owner_id', 'in', [identityId, personId])
    .executeTakeFirst();
  if (block === undefined) return false;
  await trx
    .insertInto('blocked_writers')
    .values({ ...block, owner_id: personId })
    .onConflict((oc) => oc.column('owner_id').doNothing())
    .execute();
  return true;
}

/** Whether a writer (an identity, and its person when joined) is blocked. */
export async function isBlocked(trx: CanonDb, identityId: string, personId: string | null): Promise<boolean> {
  const row = await trx
    .selectFrom('blocked_writers')
    .select('owner_id')
    .where('owner_id', 'in', personId === null ? [identityId] : [identityId, personId])
    .executeTakeFirst();
  return row !== undefined;
}
