/**
 * What a reader adds to an entry besides comments: a rating, tags and review
 * links. Ratings and tags are set (PUT), so retries are naturally idempotent.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import {
  AddReviewLinkRequest,
  SetRatingRequest,
  SetTagsRequest,
  type AddedReviewLink,
  type MyBookState,
} from '../../lib/shared/api';
import type { CanonDb } from '../db/connect';
import type { IdentitiesTable } from '../db/tables';
import type { AppEnv, Deps } from '../deps';
import { readJson } from '../http/body';
import { requireIdentity } from '../identities/auth';
import { ApiError, notFound } from '../security/errors';

async function myState(db: CanonDb, bookId: string, identity: IdentitiesTable): Promise<MyBookState> {
  const [rating, tags] = await Promise.all([
    db
      .selectFrom('ratings')
      .select('half_stars')
      .where('book_id', '=', bookId)
      .where('identity_id', '=', identity.id)
      .executeTakeFirst(),
    db
      .selectFrom('tags')
      .select('tag')
      .where('book_id', '=', bookId)
      .where('identity_id', '=', identity.id)
      .orderBy('tag')
      .execute(),
  ]);
  return {
    bookId,
    rating: rating === undefined ? null : rating.half_stars / 2,
    tags: tags.map((t) => t.tag),
    provisional: identity.confirmed_at === null,
  };
}

export function readerInputRoutes(deps: Deps) {
  const { db, clock, limiter, config, lookupCache } = deps;

  /** The writer and the book of a write, after auth, budget and existence checks. */
  async function writer(c: Context<AppEnv>): Promise<{ identity: IdentitiesTable; bookId: string }> {
    const identity = await requireIdentity(db, c);
    limiter.consume('writes-identity', identity.id, config.rateLimits.writesPerIdentity);
    const bookId = c.req.param('id') ?? '';
    const book = await db.selectFrom('books').select('id').where('id', '=', bookId).executeTakeFirst();
    if (book === undefined) throw notFound('Book');
    return { identity, bookId };
  }

  return new Hono<AppEnv>()
    .get('/books/:id/mine', async (c) => {
      const identity = await requireIdentity(db, c);
      return c.json(await myState(db, c.req.param('id'), identity));
    })
    .put('/books/:id/rating', async (c) => {
      const { identity, bookId } = await writer(c);
      const { value } = await readJson(c, SetRatingRequest);
      const halfStars = Math.round(value.value * 2);
      const now = clock.now();
      await db
        .insertInto('ratings')
        .values({ book_id: bookId, identity_id: identity.id, half_stars: halfStars, updated_at: now })
        .onConflict((oc) =>
          oc.columns(['book_id', 'identity_id']).doUpdateSet({ half_stars: halfStars, updated_at: now }),
        )
        .execute();
      lookupCache.invalidate();
      return c.json(await myState(db, bookId, identity));
    })
    .delete('/books/:id/rating', async (c) => {
      const { identity, bookId } = await writer(c);
      await db.deleteFrom('ratings').where('book_id', '=', bookId).where('identity_id', '=', identity.id).execute();
      lookupCache.invalidate();
      return c.json(await myState(db, bookId, identity));
    })
    .put('/books/:id/tags', async (c) => {
      const { identity, bookId } = await writer(c);
      const { value } = await readJson(c, SetTagsRequest);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('tags').where('book_id', '=', bookId).where('identity_id', '=', identity.id).execute();
        if (value.tags.length > 0) {
          await trx
            .insertInto('tags')
            .values(value.tags.map((tag) => ({ book_id: bookId, identity_id: identity.id, tag })))
            .execute();
        }
      });
      lookupCache.invalidate();
      return c.json(await myState(db, bookId, identity));
    })
    .post('/books/:id/links', async (c) => {
      const { identity, bookId } = await writer(c);
      const { value } = await readJson(c, AddReviewLinkRequest);
      const id = randomUUID();
      const inserted = await db
        .insertInto('review_links')
        .values({
          id,
          book_id: bookId,
          identity_id: identity.id,
          url: value.url,
          title: value.title,
          created_at: clock.now(),
        })
        .onConflict((oc) => oc.columns(['book_id', 'url']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
        throw new ApiError(409, 'conflict', 'This link is already listed for the book.');
      }
      lookupCache.invalidate();
      const body: AddedReviewLink = {
        link: { id, url: value.url, title: value.title, source: 'reader' },
        published: identity.confirmed_at !== null,
      };
      return c.json(body, 201);
    });
}
