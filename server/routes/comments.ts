/** Comments on a canon entry: list, post (idempotent), delete own, flag. */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import * as v from 'valibot';
import { CreateCommentRequest, FlagCommentRequest, LIMITS, type CommentPage } from '../../lib/shared/api';
import { decodeCursor, encodeCursor, presentComment, type CommentRow } from '../comments/present';
import type { CanonDb } from '../db/connect';
import type { AppEnv, Deps } from '../deps';
import { readJson, readParam } from '../http/body';
import { idempotencyKey, once, replay } from '../http/idempotency';
import { findIdentity, requireIdentity } from '../identities/auth';
import { FLAGS_TO_FOLD, FLAGS_TO_HIDE } from '../limits';
import { ApiError, notFound } from '../security/errors';

const PageSize = v.pipe(
  v.string(),
  v.regex(/^\d{1,3}$/),
  v.transform(Number),
  v.minValue(1),
  v.maxValue(LIMITS.pageSizeMax),
);

function commentsWithAuthor(db: CanonDb) {
  return db
    .selectFrom('comments as c')
    .innerJoin('identities as i', 'i.id', 'c.identity_id')
    .select([
      'c.id',
      'c.book_id',
      'c.identity_id',
      'c.body',
      'c.status',
      'c.spoiler',
      'c.created_at',
      'i.name as author_name',
    ]);
}

async function requireBook(db: CanonDb, id: string): Promise<void> {
  const book = await db.selectFrom('books').select('id').where('id', '=', id).executeTakeFirst();
  if (book === undefined) throw notFound('Book');
}

export function commentRoutes(deps: Deps) {
  const { db, clock, limiter, config, lookupCache } = deps;
  return new Hono<AppEnv>()
    .get('/books/:id/comments', async (c) => {
      const bookId = c.req.param('id');
      await requireBook(db, bookId);
      const viewer = await findIdentity(db, c);
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
        .where((eb) =>
          viewer === null
            ? eb('c.status', '=', 'published')
            : eb.or([
                eb('c.status', '=', 'published'),
                eb.and([eb('c.identity_id', '=', viewer.id), eb('c.status', 'in', ['waiting', 'held'])]),
              ]),
        );
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
        comments: page.map((r) => presentComment(r, viewer?.id ?? null)),
        nextCursor: rows.length > limit && last !== undefined ? encodeCursor(last) : null,
      };
      return c.json(body);
    })
    .post('/books/:id/comments', async (c) => {
      const identity = await requireIdentity(db, c);
      const key = idempotencyKey(c);
      const { value, raw } = await readJson(c, CreateCommentRequest);
      const bookId = c.req.param('id');
      const now = clock.now();
      // Retries of a finished request are answered before any budget is spent on them.
      const earlier = await replay(db, c, identity.id, key, raw, now);
      if (earlier !== null && (earlier.status as number) !== 0) return c.json(earlier.body as object, earlier.status);
      limiter.consume('comments-identity', identity.id, config.rateLimits.commentsPerIdentity);
      await requireBook(db, bookId);
      const answer = await once(db, c, identity.id, key, raw, now, async (trx) => {
        const row: CommentRow = {
          id: randomUUID(),
          book_id: bookId,
          identity_id: identity.id,
          body: value.body,
          // Nothing goes live before the address is confirmed.
          status: identity.confirmed_at === null ? 'waiting' : 'published',
          spoiler: value.spoiler ? 1 : 0,
          created_at: now,
          author_name: identity.name,
        };
        const { author_name: _, ...stored } = row;
        await trx.insertInto('comments').values(stored).execute();
        return { status: 201, body: presentComment(row, identity.id) };
      });
      lookupCache.invalidate();
      return c.json(answer.body as object, answer.status);
    })
    .delete('/comments/:id', async (c) => {
      const identity = await requireIdentity(db, c);
      limiter.consume('writes-identity', identity.id, config.rateLimits.writesPerIdentity);
      const deleted = await db
        .deleteFrom('comments')
        .where('id', '=', c.req.param('id'))
        .where('identity_id', '=', identity.id)
        .executeTakeFirst();
      // Someone else's comment answers 404 like a missing one: existence is not revealed.
      if (Number(deleted.numDeletedRows) === 0) throw notFound('Comment');
      lookupCache.invalidate();
      return c.body(null, 204);
    })
    .post('/comments/:id/flags', async (c) => {
      const identity = await requireIdentity(db, c);
      limiter.consume('writes-identity', identity.id, config.rateLimits.writesPerIdentity);
      const { value } = await readJson(c, FlagCommentRequest);
      const commentId = c.req.param('id');
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const comment = await trx
          .selectFrom('comments')
          .select(['id', 'status'])
          .where('id', '=', commentId)
          .executeTakeFirst();
        if (comment === undefined || comment.status !== 'published') throw notFound('Comment');
        await trx
          .insertInto('comment_flags')
          .values({ comment_id: commentId, identity_id: identity.id, reason: value.reason, created_at: now })
          .onConflict((oc) =>
            oc.columns(['comment_id', 'identity_id']).doUpdateSet({ reason: value.reason, created_at: now }),
          )
          .execute();
        const counts = await trx
          .selectFrom('comment_flags as f')
          .innerJoin('identities as i', 'i.id', 'f.identity_id')
          .select(['f.reason', (eb) => eb.fn.countAll<number>().as('n')])
          .where('f.comment_id', '=', commentId)
          // Only confirmed readers can hide a comment; unconfirmed identities are too cheap to make.
          .where('i.confirmed_at', 'is not', null)
          .groupBy('f.reason')
          .execute();
        const count = (reason: string) => Number(counts.find((r) => r.reason === reason)?.n ?? 0);
        if (count('spam') + count('offensive') >= FLAGS_TO_HIDE) {
          await trx.updateTable('comments').set({ status: 'held' }).where('id', '=', commentId).execute();
        }
        if (count('spoiler') >= FLAGS_TO_FOLD) {
          await trx.updateTable('comments').set({ spoiler: 1 }).where('id', '=', commentId).execute();
        }
      });
      lookupCache.invalidate();
      return c.json({ ok: true as const }, 202);
    });
}
