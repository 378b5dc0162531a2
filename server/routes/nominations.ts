/**
 * Nominations of books not yet in the canon, and "seconds" for them, as on the
 * original canon site. A nomination shows once its nominator has confirmed.
 */
import { Hono } from 'hono';
import {
  NominateRequest,
  SecondNominationRequest,
  type NominationList,
  type NominationSummary,
} from '../../lib/shared/api';
import { listNominations, summarizeNominations } from '../books/nomination-summary';
import { nominateBook, secondNomination } from '../books/nomination-writes';
import type { CanonDb } from '../db/connect';
import type { AppEnv, Deps } from '../deps';
import { readJson } from '../http/body';
import { uuidParam } from '../http/path-ids';
import { requireVoice } from '../identities/auth';
import { ApiError, notFound } from '../security/errors';

async function summary(db: CanonDb, id: string): Promise<NominationSummary> {
  const rows = await db.selectFrom('nominations').selectAll().where('id', '=', id).execute();
  const [one] = await summarizeNominations(db, rows);
  if (one === undefined) throw notFound('Nomination');
  return one;
}

export function nominationRoutes(deps: Deps) {
  const { db } = deps;

  return new Hono<AppEnv>()
    .get('/nominations', async (c) => {
      const status = c.req.query('status') ?? 'open';
      if (status !== 'open' && status !== 'accepted' && status !== 'declined') {
        throw new ApiError(400, 'validation_failed', 'status: one of open, accepted, declined.');
      }
      const body: NominationList = { nominations: await listNominations(db, status) };
      return c.json(body);
    })
    .post('/nominations', async (c) => {
      const caller = await requireVoice(db, c);
      const { value } = await readJson(c, NominateRequest);
      const { id, created } = await nominateBook(deps, caller.identityId, value);
      return c.json(await summary(db, id), created ? 201 : 200);
    })
    .post('/nominations/:id/seconds', async (c) => {
      const caller = await requireVoice(db, c);
      const nominationId = uuidParam(c, 'Nomination');
      const { value } = await readJson(c, SecondNominationRequest);
      await secondNomination(deps, caller.identityId, nominationId, value.reason ?? null);
      return c.json(await summary(db, nominationId));
    });
}
