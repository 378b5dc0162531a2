/**
 * Nominations of books not yet in the canon, and "seconds" for them, as on the
 * original canon site. A nomination shows once its nominator has confirmed.
 */
import { Hono } from 'hono';
import {
  type MyNominationState,
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

  return (
    new Hono<AppEnv>()
      .get('/nominations', async (c) => {
        const status = c.req.query('status') ?? 'open';
        if (status !== 'open' && status !== 'accepted' && status !== 'declined') {
          throw new ApiError(400, 'validation_failed', 'status: one of open, accepted, declined.');
        }
        const body: NominationList = { nominations: await listNominations(db, status) };
        return c.json(body);
      })
      // By id, for browsers whose canon index knows the nomination: they never send the page's ISBNs.
      .get('/nominations/:id', async (c) => {
        const id = uuidParam(c, 'Nomination');
        const rows = await db
          .selectFrom('nominations as n')
          .innerJoin('identities as i', 'i.id', 'n.identity_id')
          .selectAll('n')
          .where('n.id', '=', id)
          .where('i.confirmed_at', 'is not', null)
          .execute();
        const [one] = await summarizeNominations(db, rows);
        if (one === undefined) throw notFound('Nomination');
        return c.json(one);
      })
      .post('/nominations', async (c) => {
        const caller = await requireVoice(db, c);
        const { value } = await readJson(c, NominateRequest);
        const { id, created } = await nominateBook(deps, caller.identityId, value);
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
        await secondNomination(deps, caller.identityId, nominationId, value.reason ?? null);
        return c.json(await summary(db, nominationId));
      })
  );
}
