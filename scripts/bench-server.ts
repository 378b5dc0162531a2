/**
 * `npm run bench:server` — load figures for the canon server on loopback.
 * Starts the real server (SQLite in a temp directory, mail to files) in a
 * child process so the load generator does not share its event loop, then
 * drives it with autocannon and prints req/s and latency percentiles:
 *   1. lookups by ISBN over every seeded edition, with no writes;
 *   2. the same lookups while a steady writer rates books (WRITES_PER_S a
 *      second, each rating a random seeded book), and the ratio of 2 to 1:
 *      a write drops only the cached answers of its own book, so lookups
 *      should keep most of their write-free throughput (target ≥ 70%);
 *   3. comment posts, each with a fresh Idempotency-Key.
 * After a short warm-up, phases 1 and 2 alternate ROUNDS times and the medians are reported, so a
 * neighbour's burst on a shared machine does not decide the ratio.
 * Rate limits are raised for the run (BENCH_UNLIMITED), since one loopback
 * address would otherwise meet them at once. Prints figures; asserts nothing.
 * Options: --backend sqlite|postgres (postgres: a fresh database on the
 * server named by DATABASE_URL, dropped afterwards), --json FILE.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { readSeedBooks } from '../server/db/seed';
import { freshPostgresDatabase, startServerProcess } from './server-process';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Unreported lookups first, so the JIT and the cache are warm before anything is measured. */
const WARMUP_S = 3;
/** The steady writer of phase 2: about what an active community's busiest minute looks like. */
const WRITES_PER_S = Number(process.env.BENCH_WRITES_PER_S ?? 8);

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

function figures(result: autocannon.Result): RunFigures {
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function report(label: string, result: autocannon.Result): RunFigures {
  const { latency, requests } = result;
  console.log(
    `${label}: ${Math.round(requests.average)} req/s, latency p50 ${latency.p50} ms, p90 ${latency.p90} ms, p99 ${latency.p99} ms, max ${latency.max} ms; ` +
      `${result['2xx']} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
  );
  return figures(result);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

function medianFigures(runs: RunFigures[]): RunFigures {
  return {
    requestsPerSecond: Math.round(median(runs.map((r) => r.requestsPerSecond))),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  };
}

/** Rates random seeded books at a steady pace until stopped; counts what it wrote. */
function steadyWriter(base: string, secret: string, bookIds: string[]) {
  let written = 0;
  let failed = 0;
  const timer = setInterval(() => {
    const book = bookIds[Math.floor(Math.random() * bookIds.length)];
    const value = (1 + Math.floor(Math.random() * 10)) / 2;
    fetch(`${base}/api/v1/books/${book}/rating`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ value }),
    }).then(
      (r) => (r.ok ? written++ : failed++),
      () => failed++,
    );
  }, 1000 / WRITES_PER_S);
  return {
    stop() {
      clearInterval(timer);
      return { written, failed };
    },
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'canon-bench-'));
  const postgres = BACKEND === 'postgres' ? await freshPostgres() : null;
  const server = await startServerProcess({
    SQLITE_PATH: join(dir, 'canon.sqlite'),
    MAIL_DIR: join(dir, 'mail'),
    DATABASE_URL: postgres?.url ?? '',
    SMTP_URL: '',
    BENCH_UNLIMITED: '1',
  });
  const BASE = server.url;
  try {
    const seed = readSeedBooks();
    const isbns = seed.flatMap((b) => [...b.isbn13, ...b.isbn10]);
    console.log(
      `canon server bench: Node ${process.version}, ${CONNECTIONS} connections, ${DURATION_S} s per run, ${ROUNDS} rounds, ${BACKEND === 'postgres' ? 'PostgreSQL' : 'SQLite'}, loopback`,
    );
    const register = await fetch(`${BASE}/api/v1/identities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bench', email: 'bench@example.org' }),
    });
    const { secret } = (await register.json()) as { secret: string };

    let i = 0;
    const lookups = (duration = DURATION_S) =>
      autocannon({
        url: BASE,
        connections: CONNECTIONS,
        duration,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => ({ ...req, path: `/api/v1/books?isbn=${isbns[i++ % isbns.length]}` }),
          },
        ],
      });

    await lookups(WARMUP_S);
    const quiet: RunFigures[] = [];
    const busy: RunFigures[] = [];
    let writes = { written: 0, failed: 0 };
    for (let round = 1; round <= ROUNDS; round++) {
      quiet.push(report(`lookup by ISBN, no writes (round ${round})`, await lookups()));
      const writer = steadyWriter(
        BASE,
        secret,
        seed.map((b) => b.id),
      );
      const result = await lookups();
      const done = writer.stop();
      writes = { written: writes.written + done.written, failed: writes.failed + done.failed };
      busy.push(
        report(
          `lookup by ISBN, ${WRITES_PER_S} writes/s (round ${round}; ${done.written} written, ${done.failed} failed)`,
          result,
        ),
      );
    }
    const lookupFigures = medianFigures(quiet);
    const busyFigures = medianFigures(busy);
    const ratio = busyFigures.requestsPerSecond / Math.max(1, lookupFigures.requestsPerSecond);
    console.log(
      `lookups under a steady writer keep ${(ratio * 100).toFixed(0)}% of their write-free throughput ` +
        `(median ${busyFigures.requestsPerSecond} vs ${lookupFigures.requestsPerSecond} req/s; target ≥ 70%)`,
    );

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
        JSON.stringify(
          {
            backend: BACKEND,
            lookup: lookupFigures,
            lookupUnderWriter: { ...busyFigures, writesPerSecond: WRITES_PER_S, ...writes },
            lookupWriterRatio: Math.round(ratio * 1000) / 1000,
            commentPost: postFigures,
          },
          null,
          2,
        ),
      );
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    await postgres?.drop();
  }
}

async function freshPostgres() {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('--backend postgres needs DATABASE_URL (e.g. from scripts/pg-test-cluster.sh start)');
  return freshPostgresDatabase(base);
}

void main();
