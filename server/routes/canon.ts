/** `GET /canon`: the canon's name and description from the server's config, and its size. */
import { Hono } from 'hono';
import type { CanonInfo } from '../../lib/shared/api';
import type { CanonDb } from '../db/connect';
import type { AppEnv, Deps } from '../deps';

export async function canonInfo(db: CanonDb, config: Deps['config']): Promise<CanonInfo> {
  const row = await db
    .selectFrom('books')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { name: config.canonName, description: config.canonDescription, books: Number(row.n) };
}

export function canonRoutes(deps: Deps) {
  return new Hono<AppEnv>().get('/canon', async (c) => c.json(await canonInfo(deps.db, deps.config)));
}
