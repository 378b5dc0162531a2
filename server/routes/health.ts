/**
 * `GET /healthz` for load balancers and process supervisors: 200 when the
 * database answers and has every migration this code knows, 503 otherwise,
 * JSON either way. Outside /api/v1 and outside every rate limit.
 */
import { Hono } from 'hono';
import { sql } from 'kysely';
import { pendingMigrations } from '../db/prepare';
import type { AppEnv, Deps } from '../deps';

export function healthRoutes(deps: Deps) {
  return new Hono<AppEnv>().get('/healthz', async (c) => {
    try {
      await sql`select 1`.execute(deps.db);
    } catch (error) {
      deps.log.error(`health check: database unreachable: ${String(error)}`);
      return c.json({ ok: false, database: 'unreachable', migrations: 'unknown' }, 503);
    }
    const pending = await pendingMigrations(deps.db);
    if (pending.length > 0) return c.json({ ok: false, database: 'reachable', migrations: 'pending', pending }, 503);
    return c.json({ ok: true, database: 'reachable', migrations: 'current' });
  });
}
