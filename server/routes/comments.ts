/** Comments on a canon entry: list, post (idempotent), delete own, flag. */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import * as v from 'valibot';
import { CreateCommentRequest, FlagCommentRequest, LIMITS, type CommentPage } from '../../lib/shared/api';
import { bookTag } from '../books/cache-tags';
import { applyFlags, lockComment } from '../comments/flags';
import { decodeCursor, encodeCursor, presentComment, type CommentRow } from '../comments/present';
import type { CanonDb } from '../db/connect';
import type { AppEnv, Deps } from '../deps';
import { readJson, readParam } from '../http/body';
import { idempotencyKey, once } from '../http/idempotency';
import { bookIdParam, uuidParam } from '../http/path-ids';
import { findVoice, requireVoice, unauthorized } from '../identities/auth';
import { isBlocked } from '../moderation/blocking';
import { sendFlagDigestIfDue } from '../moderation/digest';
import { lockVoice } from '../people/voice';
import { ApiError, notFound } from '../security/errors';

const PageSize = v.pipe(
  v.string(),
  v.regex(/^\d{1,3}$/),
  v.transform(Number),
  v.minValue(1),
  v.maxValue(LIMITS.pageSizeMax),
);

/** Comments with the name their author shows: the person's once joined, the identity's while it waits. */
export function commentsWithAuthor(db: CanonDb) {
  return db
    .selectFrom('comments as c')
    .innerJoin('identities as i', 'i.id', 'c.identity_id')
    .leftJoin('people as p', 'p.id', 'i.person_id')
    .select([
      'c.id',
      'c.book_id',
      'c.identity_id',
      'i.person_id as author_person_id',
      'c.body',
      'c.status',
      'c.spoiler',
      'c.created_at',
      (eb) => eb.fn.coalesce('p.name', 'i.name').as('author_name'),
    ]);
}

async function requireBook(db: CanonDb, id: string): Promise<void> {
  const book = await db.selectFrom('books').select('id').where('id', '=', id).executeTakeFirst();
  if (book === undefined) throw notFound('Book');
}

export function commentRoutes(deps: Deps) {
  const { db, write, clock, limiter, config } = deps;
  return new Hono<AppEnv>()
    .get('/books/:id/comments', async (c) => {
      const bookId = bookIdParam(c);
      await requireBook(db, bookId);
      const viewer = await findVoice(db, c);
      const limit =
        c.req.query('limit') === undefined
          ? LIMITS.pageSizeDefault
          : readParam(PageSize, c.req.query('limit'), 'limit');
      const cursorText = c.req.query('cursor');
      const cursor = cursorText === undefined ? null : decodeCursor(cursorText);
      if (cursorText !== undefined && cursor === null) {
        throw new ApiError(400, 'validation_failed', 'cursor: not a cursor from this API.');
      }
      let query = commentsWithAuthor(db)
        .where('c.book_id', '=', bookId)
        .where((eb) => {
          if (viewer === null) return eb('c.status', '=', 'published');
          // The reader also sees their own waiting and held comments, from any of their browsers.
          const own =
            viewer.personId === null
              ? eb('c.identity_id', '=', viewer.identityId)
              : eb.or([eb('c.identity_id', '=', viewer.identityId), eb('i.person_id', '=', viewer.personId)]);
          return eb.or([eb('c.status', '=', 'published'), eb.and([own, eb('c.status', 'in', ['waiting', 'held'])])]);
        });
      if (cursor !== null) {
        query = query.where((eb) =>
          eb.or([
            eb('c.created_at', '<', cursor.createdAt),
            eb.and([eb('c.created_at', '=', cursor.createdAt), eb('c.id', '<', cursor.id)]),
          ]),
        );
      }
      const rows = (await query
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(limit + 1)
        .execute()) as CommentRow[];
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const body: CommentPage = {
        comments: page.map((r) => presentComment(r, viewer)),
        nextCursor: rows.length > limit && last !== undefined ? encodeCursor(last) : null,
      };
      return c.json(body);
    })
    .post('/books/:id/comments', async (c) => {
      const caller = await requireVoice(db, c);
      const key = idempotencyKey(c);
      const bookId = bookIdParam(c);
      const { value, raw } = await readJson(c, CreateCommentRequest);
      const now = clock.now();
      const answer = await once(write, c, caller.identityId, key, raw, now, async (tx) => {
        const voice = await lockVoice(tx.trx, caller.identityId);
        if (voice === null) throw unauthorized();
        // Spent only by the request that really posts: a retry of this key never gets here.
        await limiter.consume('comments', voice.ownerId, config.rateLimits.commentsPerIdentity, tx.trx);
        await requireBook(tx.trx, bookId);
        const row: CommentRow = {
          id: randomUUID(),
          book_id: bookId,
          identity_id: voice.identityId,
          author_person_id: voice.personId,
          body: value.body,
          // Nothing goes live before the address is confirmed; a blocked writer's posts never do.
          status: (await isBlocked(tx.trx, voice.identityId, voice.personId))
            ? 'spam'
            : voice.confirmed
              ? 'published'
              : 'waiting',
          spoiler: value.spoiler ? 1 : 0,
          created_at: now,
          author_name: voice.name,
        };
        await tx.trx
          .insertInto('comments')
          .values({
            id: row.id,
            book_id: row.book_id,
            identity_id: row.identity_id,
            body: row.body,
            status: row.status,
            spoiler: row.spoiler,
            created_at: row.created_at,
          })
          .execute();
        if (row.status === 'published') tx.changed(bookTag(bookId));
        return { status: 201, body: presentComment(row, voice) };
      });
      return c.json(answer.body as object, answer.status);
    })
    .delete('/comments/:id', async (c) => {
      const caller = await requireVoice(db, c);
      const commentId = uuidParam(c, 'Comment');
      await write(async (tx) => {
        const voice = await lockVoice(tx.trx, caller.identityId);
        if (voice === null) throw unauthorized();
        await limiter.consume('writes-reader', voice.ownerId, config.rateLimits.writesPerIdentity, tx.trx);
        const comment = await lockComment(tx.trx, commentId);
        const author =
          comment === undefined
            ? undefined
            : await tx.trx
                .selectFrom('identities')
                .select(['id', 'person_id'])
                .where('id', '=', comment.identity_id)
                .executeTakeFirst();
        const own =
          author !== undefined &&
          (author.id === voice.identityId || (voice.personId !== null && author.person_id === voice.personId));
        // Someone else's comment answers 404 like a missing one: existence is not revealed.
        if (comment === undefined || !own) throw notFound('Comment');
        await tx.trx.deleteFrom('comments').where('id', '=', commentId).execute();
        tx.changed(bookTag(comment.book_id));
      });
      return c.body(null, 204);
    })
    .post('/comments/:id/flags', async (c) => {
      const caller = await requireVoice(db, c);
      const commentId = uuidParam(c, 'Comment');
      const { value } = await readJson(c, FlagCommentRequest);
      const now = clock.now();
      await write(async (tx) => {
        const voice = await lockVoice(tx.trx, caller.identityId);
        if (voice === null) throw unauthorized();
        await limiter.consume('writes-reader', voice.ownerId, config.rateLimits.writesPerIdentity, tx.trx);
        const comment = await lockComment(tx.trx, commentId);
        if (comment === undefined || comment.status !== 'published') throw notFound('Comment');
        await tx.trx
          .insertInto('comment_flags')
          .values({ comment_id: commentId, owner_id: voice.ownerId, reason: value.reason, created_at: now })
          .onConflict((oc) =>
            oc.columns(['comment_id', 'owner_id']).doUpdateSet({ reason: value.reason, created_at: now }),
          )
          .execute();
        await applyFlags(tx.trx, commentId);
        tx.changed(bookTag(comment.book_id));
      });
      // Not awaited: the reader's answer does not wait for the moderators' mail.
      sendFlagDigestIfDue(deps).catch((error: unknown) => deps.log.error(`flag digest failed: ${String(error)}`));
      return c.json({ ok: true as const }, 202);
    });
}
