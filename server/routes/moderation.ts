/**
 * The moderation API for scripts, unlocked by the ADMIN_TOKEN from the
 * environment; its decisions are logged as `admin-token`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { AcceptNominationRequest } from '../../lib/shared/api';
import type { AppEnv, Deps } from '../deps';
import { readJson } from '../http/body';
import { uuidParam } from '../http/path-ids';
import { bearerToken } from '../identities/auth';
import {
  acceptNomination,
  declineNomination,
  decideComment,
  moderationQueue,
  type CommentDecision,
} from '../moderation/actions';
import { ApiError, notFound } from '../security/errors';

/** How the log names decisions made through this API. */
const BY = 'admin-token';

const digest = (text: string) => createHash('sha256').update(text).digest();

export function moderationRoutes(deps: Deps) {
  const { db, write, config, clock } = deps;

  function requireAdmin(c: Context<AppEnv>): void {
    if (config.adminToken === null) {
      throw new ApiError(403, 'forbidden', 'Moderation is disabled: no ADMIN_TOKEN is configured.');
    }
    const presented = bearerToken(c) ?? '';
    // Compared as fixed-length digests so timing says nothing about the token.
    if (!timingSafeEqual(digest(presented), digest(config.adminToken))) {
      throw new ApiError(401, 'unauthorized', 'An admin token is required.', { 'WWW-Authenticate': 'Bearer' });
    }
  }

  function decide(decision: CommentDecision) {
    return async (c: Context<AppEnv>) => {
      requireAdmin(c);
      if (!(await decideComment(write, uuidParam(c, 'Comment'), decision, BY, clock.now()))) throw notFound('Comment');
      return c.json({ ok: true as const });
    };
  }

  return new Hono<AppEnv>()
    .get('/admin/queue', async (c) => {
      requireAdmin(c);
      const nominations = await db
        .selectFrom('nominations')
        .select(['id', 'title', 'isbn13', 'created_at'])
        .where('status', '=', 'open')
        .orderBy('created_at')
        .execute();
      return c.json({
        comments: await moderationQueue(db),
        nominations: nominations.map((n) => ({
          id: n.id,
          title: n.title,
          isbn13: n.isbn13,
          createdAt: new Date(n.created_at).toISOString(),
        })),
      });
    })
    .post('/admin/comments/:id/approve', decide('approve'))
    .post('/admin/comments/:id/deny', decide('deny'))
    .post('/admin/comments/:id/spam', decide('spam'))
    .post('/admin/nominations/:id/accept', async (c) => {
      requireAdmin(c);
      const { value } = await readJson(c, AcceptNominationRequest);
      const outcome = await acceptNomination(write, uuidParam(c, 'Nomination'), value.id, clock.now(), BY);
      if (!outcome.ok) {
        if (outcome.reason === 'not_found') throw notFound('Nomination');
        throw new ApiError(
          409,
          'conflict',
          outcome.reason === 'id_taken'
            ? 'A canon entry with this id exists.'
            : outcome.reason === 'isbn_taken'
              ? `ISBN ${outcome.isbn13} belongs to the canon entry ${outcome.bookId}.`
              : 'This nomination is not open.',
        );
      }
      return c.json({ ok: true as const, bookId: outcome.bookId }, 201);
    })
    .post('/admin/nominations/:id/decline', async (c) => {
      requireAdmin(c);
      if (!(await declineNomination(write, uuidParam(c, 'Nomination'), BY, clock.now()))) {
        throw notFound('Open nomination');
      }
      return c.json({ ok: true as const });
    });
}
