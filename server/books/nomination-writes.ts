/**
 * Nominating a book and seconding a nomination, as one reader's voice: the
 * JSON API and the web's /nominations forms both write through here, so a
 * reader counts once whichever way they came.
 */
import { randomUUID } from 'node:crypto';
import { authorMatches, matchKey, type NominateBody } from '../../lib/shared/api';
import { normalizeIsbn } from '../../lib/shared/isbn';
import { lockCatalogue } from '../db/catalogue-lock';
import type { CanonDb } from '../db/connect';
import { lockForUpdate, type WriteTx } from '../db/write';
import type { Deps } from '../deps';
import { unauthorized } from '../identities/auth';
import { lockVoice } from '../people/voice';
import { ApiError, notFound } from '../security/errors';
import { NOMINATIONS_TAG } from './cache-tags';

/** Once per reader: seconding twice, or from a second browser of the same person, counts once. */
async function support(trx: CanonDb, nominationId: string, ownerId: string, reason: string | null, now: number) {
  await trx
    .insertInto('nomination_supporters')
    .values({ nomination_id: nominationId, owner_id: ownerId, reason, created_at: now })
    .onConflict((oc) => oc.columns(['nomination_id', 'owner_id']).doNothing())
    .execute();
}

async function lockedVoice(deps: Deps, tx: WriteTx, identityId: string) {
  const voice = await lockVoice(tx.trx, identityId);
  if (voice === null) throw unauthorized();
  await deps.limiter.consume('writes-reader', voice.ownerId, deps.config.rateLimits.writesPerIdentity, tx.trx);
  return voice;
}

/**
 * Nominates a book, or seconds its open nomination when it is already
 * nominated. Throws 400 for an ISBN that is not one, 409 for a book already
 * in the canon.
 */
export async function nominateBook(
  deps: Deps,
  identityId: string,
  value: Required<Pick<NominateBody, 'title' | 'authors' | 'reason'>> & { isbn?: string | undefined },
): Promise<{ id: string; created: boolean }> {
  const isbn13 = value.isbn === undefined ? null : normalizeIsbn(value.isbn);
  if (value.isbn !== undefined && isbn13 === null) {
    throw new ApiError(400, 'validation_failed', 'isbn: not a valid ISBN-10 or ISBN-13.');
  }
  const titleKey = matchKey(value.title);
  const now = deps.clock.now();
  return deps.write(async (tx) => {
    const { trx } = tx;
    const voice = await lockedVoice(deps, tx, identityId);
    // Two readers nominating the same new book at once must end with one nomination.
    await lockCatalogue(trx);
    const inCanon =
      isbn13 !== null &&
      (await trx.selectFrom('book_isbns').select('book_id').where('isbn13', '=', isbn13).executeTakeFirst());
    const sameTitle = await trx
      .selectFrom('books')
      .select(['id', 'authors'])
      .where('title_key', '=', titleKey)
      .execute();
    if (
      inCanon ||
      sameTitle.some((b) => value.authors.some((a) => authorMatches(a, JSON.parse(b.authors) as string[])))
    ) {
      throw new ApiError(409, 'conflict', 'This book is already in the canon.');
    }
    // Nominating a book that is already nominated seconds the existing nomination.
    const open = await trx
      .selectFrom('nominations')
      .selectAll()
      .where('status', '=', 'open')
      .where((eb) =>
        isbn13 === null
          ? eb('title_key', '=', titleKey)
          : eb.or([eb('isbn13', '=', isbn13), eb('title_key', '=', titleKey)]),
      )
      .execute();
    const existing = open.find(
      (n) =>
        (isbn13 !== null && n.isbn13 === isbn13) ||
        value.authors.some((a) => authorMatches(a, JSON.parse(n.authors) as string[])),
    );
    tx.changed(NOMINATIONS_TAG);
    if (existing !== undefined) {
      await support(trx, existing.id, voice.ownerId, value.reason, now);
      return { id: existing.id, created: false };
    }
    const id = randomUUID();
    await trx
      .insertInto('nominations')
      .values({
        id,
        isbn13,
        title: value.title,
        title_key: titleKey,
        authors: JSON.stringify(value.authors),
        reason: value.reason,
        identity_id: voice.identityId,
        status: 'open',
        book_id: null,
        created_at: now,
      })
      .execute();
    await support(trx, id, voice.ownerId, value.reason, now);
    return { id, created: true };
  });
}

/** Seconds an open nomination; 404 when there is none, 409 once it is decided. */
export async function secondNomination(
  deps: Deps,
  identityId: string,
  nominationId: string,
  reason: string | null,
): Promise<void> {
  await deps.write(async (tx) => {
    const voice = await lockedVoice(deps, tx, identityId);
    // Locked, so a decision on the nomination cannot slip in between this check and the second.
    const nomination = await lockForUpdate(
      tx.trx,
      tx.trx.selectFrom('nominations').select(['id', 'status']).where('id', '=', nominationId),
    ).executeTakeFirst();
    if (nomination === undefined) throw notFound('Nomination');
    if (nomination.status !== 'open') {
      throw new ApiError(409, 'conflict', `This nomination is ${nomination.status}.`);
    }
    await support(tx.trx, nomination.id, voice.ownerId, reason, deps.clock.now());
    tx.changed(NOMINATIONS_TAG);
  });
}
