/**
 * Several real server processes on one database — one PostgreSQL database
 * and one SQLite file — behave as one server: a budget holds across them, a
 * write through one is read through the other at once (not after a cache
 * lifetime), moderation from the admin CLI reaches both, and processes
 * starting together on an empty database all come up with one seed.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeedBooks } from '../../server/db/seed';
import { DEFAULT_RATE_LIMITS, LOOKUP_CACHE_TTL_MS } from '../../server/limits';
import { call, type Reply } from './client';
import { backends, freshPostgresDatabase, startMailbox, type Backend, type Mailbox } from './harness';
import { startServerProcess, type ServerProcess } from '../../scripts/server-process';

const runFile = promisify(execFile);

const ADMIN = 'processes-admin-token-0123456789abcdef';
/** Far below the cache lifetime, so only cross-process invalidation can make these reads fresh. */
const FRESH_WITHIN_MS = 5_000;

type SharedDatabase = { env: Record<string, string>; books(): Promise<number>; drop(): Promise<void> };

async function sharedDatabase(backend: Backend): Promise<SharedDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'canon-processes-'));
  if (backend === 'postgres') {
    const fresh = await freshPostgresDatabase(process.env.DATABASE_URL ?? '');
    return {
      env: { DATABASE_URL: fresh.url, MAIL_DIR: join(dir, 'mail') },
      async books() {
        const client = new pg.Client({ connectionString: fresh.url });
        await client.connect();
        const { rows } = await client.query<{ n: string }>('select count(*) as n from books');
        await client.end();
        return Number(rows[0]?.n);
      },
      async drop() {
        await fresh.drop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const sqlitePath = join(dir, 'data', 'canon.sqlite');
  return {
    env: { DATABASE_URL: '', SQLITE_PATH: sqlitePath, MAIL_DIR: join(dir, 'mail') },
    async books() {
      const db = new SqliteDatabase(sqlitePath, { readonly: true });
      const row = db.prepare('select count(*) as n from books').get() as { n: number };
      db.close();
      return row.n;
    },
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Polls `read` until `done` holds, for at most `withinMs`; returns how long it took, or throws with the last value. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, withinMs: number): Promise<number> {
  const start = performance.now();
  let last: T | undefined;
  while (performance.now() - start < withinMs) {
    last = await read();
    if (done(last)) return performance.now() - start;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`not seen within ${withinMs} ms; last value ${JSON.stringify(last)}`);
}

async function confirmedReader(api: string, mailbox: Mailbox, name: string) {
  const email = `${name.toLowerCase()}.${randomUUID()}@example.org`;
  const reply = await call(api, 'POST', '/identities', { body: { name, email } });
  expect(reply.status).toBe(202);
  expect((await fetch((await mailbox.nextMail(email)).link ?? '')).status).toBe(200);
  return reply.body.secret as string;
}

describe.each(backends())('two server processes on one database (%s)', (backend) => {
  let mailbox: Mailbox;
  let database: SharedDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    mailbox = await startMailbox();
    database = await sharedDatabase(backend);
    const env = { ...database.env, SMTP_URL: mailbox.url, ADMIN_TOKEN: ADMIN };
    a = await startServerProcess(env);
    b = await startServerProcess(env);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
    await mailbox?.close();
  });

  it('holds one comment budget across both processes', { timeout: 60_000 }, async () => {
    const limit = DEFAULT_RATE_LIMITS.commentsPerIdentity.limit;
    const secret = await confirmedReader(a.api, mailbox, 'Budget');
    const tries = 2 * limit + 2;
    const replies: Reply[] = await Promise.all(
      Array.from({ length: tries }, (_, i) =>
        call((i % 2 === 0 ? a : b).api, 'POST', '/books/we-think/comments', {
          secret,
          key: randomUUID(),
          body: { body: `Budget test ${i}` },
        }),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(tries - limit);
    for (const r of replies.filter((r) => r.status === 429)) {
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('shows a rating written through one process through the other at once', { timeout: 60_000 }, async () => {
    expect(FRESH_WITHIN_MS).toBeLessThan(LOOKUP_CACHE_TTL_MS);
    const book = 'design-for-services';
    const secret = await confirmedReader(a.api, mailbox, 'Rater');
    const latencies: number[] = [];
    for (const value of [1, 4.5, 2, 5, 3]) {
      // B has the entry cached before the write.
      await call(b.api, 'GET', `/books/${book}`);
      await call(b.api, 'GET', `/books?isbn=${readSeedBooks().find((x) => x.id === book)?.isbn13[0]}`);
      const put = await call(a.api, 'PUT', `/books/${book}/rating`, { secret, body: { value } });
      expect(put.status).toBe(200);
      latencies.push(
        await until(
          () => call(b.api, 'GET', `/books/${book}`),
          (r) => r.body.rating.average === value,
          FRESH_WITHIN_MS,
        ),
      );
    }
    console.log(
      `read-after-write across processes (${backend}): ${latencies.map((l) => `${Math.round(l)} ms`).join(', ')}`,
    );
  });

  it(
    'drops both processes’ cached comment counts when the admin CLI publishes a comment',
    { timeout: 90_000 },
    async () => {
      const guest = await call(b.api, 'POST', '/identities', {
        body: { name: 'Waiting', email: `waiting.${randomUUID()}@example.org` },
      });
      const waiting = await call(b.api, 'POST', '/books/good-services/comments', {
        secret: guest.body.secret,
        key: randomUUID(),
        body: { body: 'Approve me from a shell' },
      });
      expect(waiting.body.status).toBe('waiting');
      const count = async (p: ServerProcess) => (await call(p.api, 'GET', '/books/good-services')).body.commentCount;
      const before = [await count(a), await count(b)];
      // Run asynchronously: a blocked event loop keeps this process's idle keep-alive sockets from hearing the
      // servers close them, and the next request then dies on a socket the other side already closed.
      const cli = await runFile(
        process.execPath,
        ['--import', 'tsx', 'server/main.ts', 'admin', 'approve', waiting.body.id],
        {
          env: { ...process.env, ...database.env },
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(cli.stdout).toBeDefined();
      for (const [i, p] of [a, b].entries()) {
        await until(
          () => count(p),
          (n) => n === (before[i] ?? 0) + 1,
          FRESH_WITHIN_MS,
        );
      }
    },
  );

  it(
    'starts three processes at once on an empty database: all serve, and it is seeded once',
    { timeout: 180_000 },
    async () => {
      const empty = await sharedDatabase(backend);
      const started = await Promise.allSettled(
        [1, 2, 3].map(() => startServerProcess({ ...empty.env, SMTP_URL: mailbox.url })),
      );
      try {
        const failures = started.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []));
        expect(failures).toEqual([]);
        const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
        for (const server of servers) {
          expect((await call(server.url, 'GET', '/healthz')).body).toEqual({
            ok: true,
            database: 'reachable',
            migrations: 'current',
          });
        }
        expect(await empty.books()).toBe(readSeedBooks().length);
        const seeders = servers.filter((s) => s.output.some((l) => l.includes('seeded')));
        expect(seeders).toHaveLength(1);
      } finally {
        await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
        await empty.drop();
      }
    },
  );
});
