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
  type NominationList,
  type NominationSummary,
} from '../../lib/shared/api';
import { normalizeIsbn } from '../../lib/shared/isbn';
import { summarizeNominations } from '../books/nomination-summary';
import type { CanonDb } from '../db/connect';
import type { AppEnv, Deps } from '../deps';
import { readJson } from '../http/body';
import { requireIdentity } from '../identities/auth';
import { ApiError, notFound } from '../security/errors';

const LIST_MAX = 100;

async function support(db: CanonDb, nominationId: string, identityId: string, reason: string | null, now: number) {
  await db
    .insertInto('nomination_supporters')
    .values({ nomination_id: nominationId, identity_id: identityId, reason, created_at: now })
    .onConflict((oc) => oc.columns(['nomination_id', 'identity_id']).doNothing())
    .execute();
}

async function summary(db: CanonDb, id: string): Promise<NominationSummary> {
  const rows = await db.selectFrom('nominations').selectAll().where('id', '=', id).execute();
  const [one] = await summarizeNominations(db, rows);
  if (one === undefined) throw notFound('Nomination');
  return one;
}

export function nominationRoutes(deps: Deps) {
  const { db, clock, limiter, config, lookupCache } = deps;
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
      const identity = await requireIdentity(db, c);
      limiter.consume('writes-identity', identity.id, config.rateLimits.writesPerIdentity);
      const { value } = await readJson(c, NominateRequest);
      const isbn13 = value.isbn === undefined ? null : normalizeIsbn(value.isbn);
      if (value.isbn !== undefined && isbn13 === null) {
        throw new ApiError(400, 'validation_failed', 'isbn: not a valid ISBN-10 or ISBN-13.');
      }
      const titleKey = matchKey(value.title);
      const now = clock.now();

      const inCanon =
        isbn13 !== null &&
        (await db.selectFrom('book_isbns').select('book_id').where('isbn13', '=', isbn13).executeTakeFirst());
      const sameTitle = await db
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
      const open = await db
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
      if (existing !== undefined) {
        await support(db, existing.id, identity.id, value.reason, now);
        lookupCache.invalidate();
        return c.json(await summary(db, existing.id), 200);
      }
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('nominations')
          .values({
            id,
            isbn13,
            title: value.title,
            title_key: titleKey,
            authors: JSON.stringify(value.authors),
            reason: value.reason,
            identity_id: identity.id,
            status: 'open',
            book_id: null,
            created_at: now,
          })
          .execute();
        await support(trx, id, identity.id, value.reason, now);
      });
      lookupCache.invalidate();
      return c.json(await summary(db, id), 201);
    })
    .post('/nominations/:id/seconds', async (c) => {
      const identity = await requireIdentity(db, c);
      limiter.consume('writes-identity', identity.id, config.rateLimits.writesPerIdentity);
      const { value } = await readJson(c, SecondNominationRequest);
      const nomination = await db
        .selectFrom('nominations')
        .select(['id', 'status'])
        .where('id', '=', c.req.param('id'))
        .executeTakeFirst();
      if (nomination === undefined) throw notFound('Nomination');
      if (nomination.status !== 'open') throw new ApiError(409, 'conflict', `This nomination is ${nomination.status}.`);
      await support(db, nomination.id, identity.id, value.reason ?? null, clock.now());
      lookupCache.invalidate();
      return c.json(await summary(db, nomination.id));
    });
}
