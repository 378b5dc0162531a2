/**
 * Nominations of books not yet in the canon, and "seconds" for them, as on the
 * original canon site. A nomination shows once its nominator has confirmed.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import {
  authorMatches,
  matchKey,
  NominateRequest,
  SecondNominationRequest,
  type MyNominationState,
  type NominationList,
  type NominationSummary,
} from '../../lib/shared/api';
import { normalizeIsbn } from '../../lib/shared/isbn';
import { NOMINATIONS_TAG } from '../books/cache-tags';
import { summarizeNominations } from '../books/nomination-summary';
import { lockCatalogue } from '../db/catalogue-lock';
import type { CanonDb } from '../db/connect';
import { lockForUpdate, type WriteTx } from '../db/write';
import type { AppEnv, Deps } from '../deps';
import { readJson } from '../http/body';
import { uuidParam } from '../http/path-ids';
import { requireVoice, unauthorized } from '../identities/auth';
import { lockVoice } from '../people/voice';
import { ApiError, notFound } from '../security/errors';

const LIST_MAX = 100;

/** Once per reader: seconding twice, or from a second browser of the same person, counts once. */
async function support(trx: CanonDb, nominationId: string, ownerId: string, reason: string | null, now: number) {
  await trx
    .insertInto('nomination_supporters')
    .values({ nomination_id: nominationId, owner_id: ownerId, reason, created_at: now })
    .onConflict((oc) => oc.columns(['nomination_id', 'owner_id']).doNothing())
    .execute();
}

async function summary(db: CanonDb, id: string): Promise<NominationSummary> {
  const rows = await db.selectFrom('nominations').selectAll().where('id', '=', id).execute();
  const [one] = await summarizeNominations(db, rows);
  if (one === undefined) throw notFound('Nomination');
  return one;
}

export function nominationRoutes(deps: Deps) {
  const { db, write, clock, limiter, config } = deps;

  async function lockedVoice(tx: WriteTx, identityId: string) {
    const voice = await lockVoice(tx.trx, identityId);
    if (voice === null) throw unauthorized();
    await limiter.consume('writes-reader', voice.ownerId, config.rateLimits.writesPerIdentity, tx.trx);
    return voice;
  }

  return new Hono<AppEnv>()
    .get('/nominations', async (c) => {
      const status = c.req.query('status') ?? 'open';
      if (status !== 'open' && status !== 'accepted' && status !== 'declined') {
        throw new ApiError(400, 'validation_failed', 'status: one of open, accepted, declined.');
      }
      const rows = await db
        .selectFrom('nominations as n')
        .innerJoin('identities as i', 'i.id', 'n.identity_id')
        .selectAll('n')
        .where('n.status', '=', status)
        .where('i.confirmed_at', 'is not', null)
        .orderBy('n.created_at', 'desc')
        .limit(LIST_MAX)
        .execute();
      const body: NominationList = { nominations: await summarizeNominations(db, rows) };
      return c.json(body);
    })
    .post('/nominations', async (c) => {
      const caller = await requireVoice(db, c);
      const { value } = await readJson(c, NominateRequest);
      const isbn13 = value.isbn === undefined ? null : normalizeIsbn(value.isbn);
      if (value.isbn !== undefined && isbn13 === null) {
        throw new ApiError(400, 'validation_failed', 'isbn: not a valid ISBN-10 or ISBN-13.');
      }
      const titleKey = matchKey(value.title);
      const now = clock.now();

      const { id, created } = await write(async (tx) => {
        const { trx } = tx;
        const voice = await lockedVoice(tx, caller.identityId);
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
      return c.json(await summary(db, id), created ? 201 : 200);
    })
    .get('/nominations/:id/mine', async (c) => {
      const voice = await requireVoice(db, c);
      const nominationId = uuidParam(c, 'Nomination');
      const nomination = await db
        .selectFrom('nominations as n')
        .innerJoin('identities as i', 'i.id', 'n.identity_id')
        .select(['n.id', 'n.identity_id', 'i.person_id'])
        .where('n.id', '=', nominationId)
        .executeTakeFirst();
      if (nomination === undefined) throw notFound('Nomination');
      const supporter = await db
        .selectFrom('nomination_supporters')
        .select('owner_id')
        .where('nomination_id', '=', nominationId)
        .where('owner_id', '=', voice.ownerId)
        .executeTakeFirst();
      // The person, not just this browser: a nomination made from another browser of theirs is theirs too.
      const nominated =
        nomination.identity_id === voice.identityId ||
        (voice.personId !== null && nomination.person_id === voice.personId);
      const body: MyNominationState = { nominationId, nominated, supporting: nominated || supporter !== undefined };
      return c.json(body);
    })
    .post('/nominations/:id/seconds', async (c) => {
      const caller = await requireVoice(db, c);
      const nominationId = uuidParam(c, 'Nomination');
      const { value } = await readJson(c, SecondNominationRequest);
      await write(async (tx) => {
        const voice = await lockedVoice(tx, caller.identityId);
        // Locked, so a decision on the nomination cannot slip in between this check and the second.
        const nomination = await lockForUpdate(
          tx.trx,
          tx.trx.selectFrom('nominations').select(['id', 'status']).where('id', '=', nominationId),
        ).executeTakeFirst();
        if (nomination === undefined) throw notFound('Nomination');
        if (nomination.status !== 'open') {
          throw new ApiError(409, 'conflict', `This nomination is ${nomination.status}.`);
        }
        await support(tx.trx, nomination.id, voice.ownerId, value.reason ?? null, clock.now());
        tx.changed(NOMINATIONS_TAG);
      });
      return c.json(await summary(db, nominationId));
    });
}
