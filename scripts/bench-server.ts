/**
 * `npm run bench:server` — load figures for the canon server on loopback.
 * Starts the real server (SQLite in a temp directory, mail to files) in a
 * child process so the load generator does not share its event loop, then
 * drives it with autocannon and prints req/s and latency percentiles:
 *   1. lookups by ISBN over every seeded edition;
 *   2. comment posts, each with a fresh Idempotency-Key.
 * Rate limits are raised for the run (BENCH_UNLIMITED), since one loopback
 * address would otherwise meet them at once. Prints figures; asserts nothing.
 * Options: --backend sqlite|postgres (postgres: a fresh database on the
 * server named by DATABASE_URL, dropped afterwards), --json FILE.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { readSeedBooks } from '../server/db/seed';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 8797);
const BASE = `http://127.0.0.1:${PORT}`;

const { values: args } = parseArgs({
  options: { backend: { type: 'string', default: 'sqlite' }, json: { type: 'string' } },
});
const BACKEND = args.backend === 'postgres' ? 'postgres' : 'sqlite';

interface RunFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** A fresh PostgreSQL database for the run; its URL and how to drop it. */
async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('--backend postgres needs DATABASE_URL (e.g. from scripts/pg-test-cluster.sh start)');
  const name = `canon_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${BASE}/api/v1/books/we-think`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

function report(label: string, result: autocannon.Result): RunFigures {
  const { latency, requests } = result;
  console.log(
    `${label}: ${Math.round(requests.average)} req/s, latency p50 ${latency.p50} ms, p90 ${latency.p90} ms, p99 ${latency.p99} ms, max ${latency.max} ms; ` +
      `${result['2xx']} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
  );
  return {
    requestsPerSecond: Math.round(requests.average),
    p50: latency.p50,
    p99: latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'canon-bench-'));
  const postgres = BACKEND === 'postgres' ? await freshPostgres() : null;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      SQLITE_PATH: join(dir, 'canon.sqlite'),
      MAIL_DIR: join(dir, 'mail'),
      DATABASE_URL: postgres?.url ?? '',
      SMTP_URL: '',
      BENCH_UNLIMITED: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForServer();
    const isbns = readSeedBooks().flatMap((b) => [...b.isbn13, ...b.isbn10]);
    console.log(
      `canon server bench: Node ${process.version}, ${CONNECTIONS} connections, ${DURATION_S} s per run, ${BACKEND === 'postgres' ? 'PostgreSQL' : 'SQLite'}, loopback`,
    );

    let i = 0;
    const lookups = await autocannon({
      url: BASE,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [
        { method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/books?isbn=${isbns[i++ % isbns.length]}` }) },
      ],
    });
    const lookupFigures = report('lookup by ISBN', lookups);

    const register = await fetch(`${BASE}/api/v1/identities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bench', email: 'bench@example.org' }),
    });
    const { secret } = (await register.json()) as { secret: string };
    const posts = await autocannon({
      url: BASE,
      connections: Math.min(CONNECTIONS, 10),
      duration: DURATION_S,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/books/we-think/comments',
          setupRequest: (req) => ({
            ...req,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${secret}`,
              'idempotency-key': randomUUID(),
            },
            body: JSON.stringify({ body: `Benchmark comment ${randomUUID()}` }),
          }),
        },
      ],
    });
    const postFigures = report('comment post', posts);
    if (args.json) {
      writeFileSync(
        args.json,
        JSON.stringify({ backend: BACKEND, lookup: lookupFigures, commentPost: postFigures }, null, 2),
      );
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
    await postgres?.drop();
  }
}

void main();
