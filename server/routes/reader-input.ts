/**
 * What a reader adds to an entry besides comments: a rating, tags and review
 * links. Ratings and tags are set (PUT), so retries are naturally idempotent.
 * They belong to the reader (the person once confirmed), not to the browser:
 * a person's other browsers see and replace the same rating and tags.
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
import { bookTag } from '../books/cache-tags';
import { normalizeReviewLink } from '../books/review-link';
import type { CanonDb } from '../db/connect';
import type { WriteTx } from '../db/write';
import type { AppEnv, Deps } from '../deps';
import { readJson } from '../http/body';
import { bookIdParam } from '../http/path-ids';
import { requireVoice, unauthorized } from '../identities/auth';
import { lockVoice, type Voice } from '../people/voice';
import { ApiError, notFound } from '../security/errors';

async function myState(db: CanonDb, bookId: string, voice: Voice): Promise<MyBookState> {
  const [rating, tags] = await Promise.all([
    db
      .selectFrom('ratings')
      .select('half_stars')
      .where('book_id', '=', bookId)
      .where('owner_id', '=', voice.ownerId)
      .executeTakeFirst(),
    db
      .selectFrom('tags')
      .select('tag')
      .where('book_id', '=', bookId)
      .where('owner_id', '=', voice.ownerId)
      .orderBy('tag')
      .execute(),
  ]);
  return {
    bookId,
    rating: rating === undefined ? null : rating.half_stars / 2,
    tags: tags.map((t) => t.tag),
    provisional: !voice.confirmed,
  };
}

export function readerInputRoutes(deps: Deps) {
  const { db, write, clock, limiter, config } = deps;

  /**
   * Runs one write of the caller's on one book: in a transaction, with the
   * caller's voice locked, the budget spent and the book checked; afterwards
   * the caller's state for the book, as committed.
   */
  async function writeAs<T>(
    caller: { voice: Voice; bookId: string },
    work: (tx: WriteTx, voice: Voice, bookId: string) => Promise<T>,
  ): Promise<{ result: T; voice: Voice; bookId: string }> {
    const { bookId } = caller;
    return write(async (tx) => {
      const voice = await lockVoice(tx.trx, caller.voice.identityId);
      if (voice === null) throw unauthorized();
      await limiter.consume('writes-reader', voice.ownerId, config.rateLimits.writesPerIdentity, tx.trx);
      const book = await tx.trx.selectFrom('books').select('id').where('id', '=', bookId).executeTakeFirst();
      if (book === undefined) throw notFound('Book');
      const result = await work(tx, voice, bookId);
      tx.changed(bookTag(bookId));
      return { result, voice, bookId };
    });
  }

  /** The caller and the book, checked before the body is read: no secret is a 401 whatever the body. */
  async function callerOn(c: Context<AppEnv>): Promise<{ voice: Voice; bookId: string }> {
    const voice = await requireVoice(db, c);
    return { voice, bookId: bookIdParam(c) };
  }

  return new Hono<AppEnv>()
    .get('/books/:id/mine', async (c) => {
      const voice = await requireVoice(db, c);
      return c.json(await myState(db, bookIdParam(c), voice));
    })
    .put('/books/:id/rating', async (c) => {
      const caller = await callerOn(c);
      const { value } = await readJson(c, SetRatingRequest);
      const halfStars = Math.round(value.value * 2);
      const now = clock.now();
      const { voice, bookId } = await writeAs(caller, async ({ trx }, voice, bookId) => {
        // One row per reader and book: the latest rating from any of the reader's browsers wins.
        await trx
          .insertInto('ratings')
          .values({ book_id: bookId, owner_id: voice.ownerId, half_stars: halfStars, updated_at: now })
          .onConflict((oc) =>
            oc.columns(['book_id', 'owner_id']).doUpdateSet({ half_stars: halfStars, updated_at: now }),
          )
          .execute();
      });
      return c.json(await myState(db, bookId, voice));
    })
    .delete('/books/:id/rating', async (c) => {
      const { voice, bookId } = await writeAs(await callerOn(c), async ({ trx }, voice, bookId) => {
        await trx.deleteFrom('ratings').where('book_id', '=', bookId).where('owner_id', '=', voice.ownerId).execute();
      });
      return c.json(await myState(db, bookId, voice));
    })
    .put('/books/:id/tags', async (c) => {
      const caller = await callerOn(c);
      const { value } = await readJson(c, SetTagsRequest);
      const now = clock.now();
      const { voice, bookId } = await writeAs(caller, async ({ trx }, voice, bookId) => {
        // Replacing the set is a read-modify-write of the reader's rows: the voice lock serialises it.
        await trx.deleteFrom('tags').where('book_id', '=', bookId).where('owner_id', '=', voice.ownerId).execute();
        if (value.tags.length > 0) {
          await trx
            .insertInto('tags')
            .values(value.tags.map((tag) => ({ book_id: bookId, owner_id: voice.ownerId, tag, set_at: now })))
            .execute();
        }
      });
      return c.json(await myState(db, bookId, voice));
    })
    .post('/books/:id/links', async (c) => {
      const caller = await callerOn(c);
      const { value } = await readJson(c, AddReviewLinkRequest);
      const url = normalizeReviewLink(value.url);
      const id = randomUUID();
      const now = clock.now();
      const { result: inserted, voice } = await writeAs(caller, async ({ trx }, voice, bookId) => {
        const row = await trx
          .insertInto('review_links')
          .values({ id, book_id: bookId, identity_id: voice.identityId, url, title: value.title, created_at: now })
          .onConflict((oc) => oc.columns(['book_id', 'url']).doNothing())
          .executeTakeFirst();
        return Number(row.numInsertedOrUpdatedRows ?? 0n) > 0;
      });
      if (!inserted) throw new ApiError(409, 'conflict', 'This link is already listed for the book.');
      const body: AddedReviewLink = {
        link: { id, url, title: value.title, source: 'reader' },
        published: voice.confirmed,
      };
      return c.json(body, 201);
    });
}
