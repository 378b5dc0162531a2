/**
 * `npm run bench:server` — load figures for the canon server on loopback.
 * Starts the real server (SQLite in a temp directory, mail to files) in a
 * child process so the load generator does not share its event loop, then
 * drives it with autocannon and prints req/s and latency percentiles:
 *   1. lookups by ISBN over every seeded edition;
 *   2. comment posts, each with a fresh Idempotency-Key.
 * Rate limits are raised for the run (BENCH_UNLIMITED), since one loopback
 * address would otherwise meet them at once. Prints figures; asserts nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { readSeedBooks } from '../server/db/seed';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 8797);
const BASE = `http://127.0.0.1:${PORT}`;

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

function report(label: string, result: autocannon.Result): void {
  const { latency, requests } = result;
  console.log(
    `${label}: ${Math.round(requests.average)} req/s, latency p50 ${latency.p50} ms, p90 ${latency.p90} ms, p99 ${latency.p99} ms, max ${latency.max} ms; ` +
      `${result['2xx']} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'canon-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', SQLITE_PATH: join(dir, 'canon.sqlite'), MAIL_DIR: join(dir, 'mail'), DATABASE_URL: '', SMTP_URL: '', BENCH_UNLIMITED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForServer();
    const isbns = readSeedBooks().flatMap((b) => [...b.isbn13, ...b.isbn10]);
    console.log(`canon server bench: Node ${process.version}, ${CONNECTIONS} connections, ${DURATION_S} s per run, SQLite, loopback`);

    let i = 0;
    const lookups = await autocannon({
      url: BASE,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/books?isbn=${isbns[i++ % isbns.length]}` }) }],
    });
    report('lookup by ISBN', lookups);

    const register = await fetch(`${BASE}/api/v1/identities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Bench', email: 'bench@example.org' }) });
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
            headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}`, 'idempotency-key': randomUUID() },
            body: JSON.stringify({ body: `Benchmark comment ${randomUUID()}` }),
          }),
        },
      ],
    });
    report('comment post', posts);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
