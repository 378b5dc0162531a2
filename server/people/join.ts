/**
 * Joining an identity to the person of its address, when its mailed link is
 * followed, and forgetting an identity. Both run inside a write transaction
 * (db/write.ts) and lock in the order every writer uses: the identity, then
 * the person, then any comment.
 */
import { randomUUID } from 'node:crypto';
import { bookTag, NOMINATIONS_TAG } from '../books/cache-tags';
import { applyFlags } from '../comments/flags';
import { carryBlock } from '../moderation/blocking';
import type { CanonDb } from '../db/connect';
import { lockForUpdate, type WriteTx } from '../db/write';

export type JoinOutcome = 'joined' | 'already-joined' | 'forgotten';

/**
 * Confirms the identity: finds or creates the person of its address (whose
 * name becomes the one this identity chose: the latest confirmation names
 * the reader), moves what the identity counted while it waited to the
 * person — of two ratings, tag sets or flags for the same thing the later
 * wins — and publishes its waiting comments.
 */
export async function joinPerson(tx: WriteTx, identityId: string, now: number): Promise<JoinOutcome> {
  const { trx } = tx;
  const identity = await lockForUpdate(
    trx,
    trx.selectFrom('identities').selectAll().where('id', '=', identityId),
  ).executeTakeFirst();
  if (identity === undefined || identity.revoked_at !== null) return 'forgotten';
  if (identity.person_id !== null) return 'already-joined';

  await trx
    .insertInto('people')
    .values({
      id: randomUUID(),
      email_key: identity.email_canonical,
      email: identity.email,
      name: identity.name,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('email_key').doNothing())
    .execute();
  const person = await lockForUpdate(
    trx,
    trx.selectFrom('people').select('id').where('email_key', '=', identity.email_canonical),
  ).executeTakeFirstOrThrow();
  await trx
    .updateTable('people')
    .set({ name: identity.name, email: identity.email, updated_at: now })
    .where('id', '=', person.id)
    .execute();
  await trx
    .updateTable('identities')
    .set({ person_id: person.id, confirmed_at: now })
    .where('id', '=', identity.id)
    .execute();
  await moveOwner(tx, identity.id, person.id);

  // A writer blocked for spam while waiting stays blocked once confirmed (moderation/blocking.ts).
  const blocked = await carryBlock(trx, identity.id, person.id);
  const published = await trx
    .updateTable('comments')
    .set({ status: blocked ? 'spam' : 'published' })
    .where('identity_id', '=', identity.id)
    .where('status', '=', 'waiting')
    .returning('book_id')
    .execute();
  const linked = await trx
    .selectFrom('review_links')
    .select('book_id')
    .where('identity_id', '=', identity.id)
    .execute();
  for (const row of [...published, ...linked]) tx.changed(bookTag(row.book_id));
  // Its nominations become public now that their nominator is confirmed.
  const nominated = await trx.selectFrom('nominations').select('id').where('identity_id', '=', identity.id).execute();
  if (nominated.length > 0) tx.changed(NOMINATIONS_TAG);
  return 'joined';
}

/** Moves everything owned by `from` (an identity) to `to` (its person); of two for the same thing the later wins. */
async function moveOwner(tx: WriteTx, from: string, to: string): Promise<void> {
  const { trx } = tx;

  for (const mine of await trx.selectFrom('ratings').selectAll().where('owner_id', '=', from).execute()) {
    const theirs = await ownRating(trx, mine.book_id, to);
    if (theirs === undefined) {
      await trx
        .updateTable('ratings')
        .set({ owner_id: to })
        .where('book_id', '=', mine.book_id)
        .where('owner_id', '=', from)
        .execute();
    } else {
      if (mine.updated_at > theirs.updated_at) {
        await trx
          .updateTable('ratings')
          .set({ half_stars: mine.half_stars, updated_at: mine.updated_at })
          .where('book_id', '=', mine.book_id)
          .where('owner_id', '=', to)
          .execute();
      }
      await trx.deleteFrom('ratings').where('book_id', '=', mine.book_id).where('owner_id', '=', from).execute();
    }
    tx.changed(bookTag(mine.book_id));
  }

  const tagSets = new Map<string, number>();
  for (const t of await trx.selectFrom('tags').select(['book_id', 'set_at']).where('owner_id', '=', from).execute()) {
    tagSets.set(t.book_id, Math.max(tagSets.get(t.book_id) ?? 0, t.set_at));
  }
  for (const [bookId, setAt] of tagSets) {
    const theirs = await trx
      .selectFrom('tags')
      .select((eb) => eb.fn.max('set_at').as('set_at'))
      .where('book_id', '=', bookId)
      .where('owner_id', '=', to)
      .executeTakeFirst();
    const theirSetAt = theirs?.set_at === null || theirs?.set_at === undefined ? null : Number(theirs.set_at);
    if (theirSetAt === null || setAt > theirSetAt) {
      await trx.deleteFrom('tags').where('book_id', '=', bookId).where('owner_id', '=', to).execute();
      await trx
        .updateTable('tags')
        .set({ owner_id: to })
        .where('book_id', '=', bookId)
        .where('owner_id', '=', from)
        .execute();
    } else {
      await trx.deleteFrom('tags').where('book_id', '=', bookId).where('owner_id', '=', from).execute();
    }
    tx.changed(bookTag(bookId));
  }

  const flagged = await trx.selectFrom('comment_flags').selectAll().where('owner_id', '=', from).execute();
  for (const mine of flagged) {
    const theirs = await trx
      .selectFrom('comment_flags')
      .select('created_at')
      .where('comment_id', '=', mine.comment_id)
      .where('owner_id', '=', to)
      .executeTakeFirst();
    if (theirs === undefined) {
      await trx
        .updateTable('comment_flags')
        .set({ owner_id: to })
        .where('comment_id', '=', mine.comment_id)
        .where('owner_id', '=', from)
        .execute();
    } else {
      if (mine.created_at > theirs.created_at) {
        await trx
          .updateTable('comment_flags')
          .set({ reason: mine.reason, created_at: mine.created_at })
          .where('comment_id', '=', mine.comment_id)
          .where('owner_id', '=', to)
          .execute();
      }
      await trx
        .deleteFrom('comment_flags')
        .where('comment_id', '=', mine.comment_id)
        .where('owner_id', '=', from)
        .execute();
    }
    // The flag now counts as a confirmed reader's: it may be the one that hides the comment.
    const bookId = await applyFlags(trx, mine.comment_id);
    if (bookId !== null) tx.changed(bookTag(bookId));
  }

  const seconded = await trx.selectFrom('nomination_supporters').selectAll().where('owner_id', '=', from).execute();
  for (const mine of seconded) {
    const theirs = await trx
      .selectFrom('nomination_supporters')
      .select('created_at')
      .where('nomination_id', '=', mine.nomination_id)
      .where('owner_id', '=', to)
      .executeTakeFirst();
    if (theirs === undefined) {
      await trx
        .updateTable('nomination_supporters')
        .set({ owner_id: to })
        .where('nomination_id', '=', mine.nomination_id)
        .where('owner_id', '=', from)
        .execute();
    } else {
      await trx
        .deleteFrom('nomination_supporters')
        .where('nomination_id', '=', mine.nomination_id)
        .where('owner_id', '=', from)
        .execute();
    }
  }
  if (seconded.length > 0) tx.changed(NOMINATIONS_TAG);
}

function ownRating(trx: CanonDb, bookId: string, ownerId: string) {
  return trx
    .selectFrom('ratings')
    .select(['half_stars', 'updated_at'])
    .where('book_id', '=', bookId)
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
}

/**
 * *Forget this identity* for one browser: its secret stops working and its
 * unused links die. The person and the person's other browsers are not
 * touched. An identity that never confirmed takes back what it counted
 * provisionally, since nothing can confirm it any more; its waiting comments
 * stay for the moderators.
 */
export async function forgetIdentity(tx: WriteTx, identityId: string, now: number): Promise<boolean> {
  const { trx } = tx;
  const identity = await lockForUpdate(
    trx,
    trx
      .selectFrom('identities')
      .select(['id', 'person_id'])
      .where('id', '=', identityId)
      .where('revoked_at', 'is', null),
  ).executeTakeFirst();
  if (identity === undefined) return false;
  await trx
    .updateTable('identities')
    .set({ secret_hash: `revoked:${identity.id}`, revoked_at: now })
    .where('id', '=', identity.id)
    .execute();
  await trx
    .updateTable('confirmation_tokens')
    .set({ used_at: now })
    .where('identity_id', '=', identity.id)
    .where('used_at', 'is', null)
    .execute();
  if (identity.person_id !== null) return true;
  for (const table of ['ratings', 'tags'] as const) {
    const gone = await trx.deleteFrom(table).where('owner_id', '=', identity.id).returning('book_id').execute();
    for (const row of gone) tx.changed(bookTag(row.book_id));
  }
  await trx.deleteFrom('comment_flags').where('owner_id', '=', identity.id).execute();
  const seconds = await trx.deleteFrom('nomination_supporters').where('owner_id', '=', identity.id).executeTakeFirst();
  if (Number(seconds.numDeletedRows) > 0) tx.changed(NOMINATIONS_TAG);
  return true;
}
