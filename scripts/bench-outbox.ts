/**
 * `npm run bench:outbox` — how fast the real extension drains its outbox
 * into the real canon server, in headless Chromium on loopback.
 *
 * 1. The canon server starts in this process (SQLite in a temp directory,
 *    mail to files, rate limits off) where the build expects it.
 * 2. With no identity registered yet, N comments (distinct bodies, spread
 *    over M books) are queued through the extension's own messages; they
 *    wait in the outbox, as writes made before registration do.
 * 3. The clock starts when `registerIdentity` answers (that call starts the
 *    flush) and stops when the server's database holds all N comments and,
 *    separately, when the outbox is empty (rows are deleted after each
 *    answer, so that comes last). The database is polled every 20 ms in this
 *    process, the outbox every 100 ms by message.
 *
 * Needs the e2e build (the npm script makes it). Prints figures; asserts
 * nothing. Options: --writes N (1000), --books M (20), --runs R (1).
 */
import { randomUUID } from 'node:crypto';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { loadConfig } from '../server/config';
import { UNLIMITED_RATE_LIMITS } from '../server/limits';
import { startServer, type RunningServer } from '../server/start';
import { EXTENSION_DIR, launchWithExtension } from './extension-browser';
import { sendAsExtensionPage, valueOf } from './extension-messages';

/** Where the e2e build sends its writes (`WXT_CANON_URL` in the npm script). */
const CANON_URL = process.env.E2E_CANON_URL ?? 'http://127.0.0.1:18787';
const DB_POLL_MS = 20;
const OUTBOX_POLL_MS = 100;
/** A drain that has not finished by then is reported as stuck. */
const GIVE_UP_MS = 10 * 60_000;

const { values: args } = parseArgs({
  options: {
    writes: { type: 'string', default: '1000' },
    books: { type: 'string', default: '20' },
    runs: { type: 'string', default: '1' },
  },
});
const WRITES = Number(args.writes);
const BOOKS = Number(args.books);
const RUNS = Number(args.runs);

interface RunFigures {
  enqueueMs: number;
  serverHasAllMs: number;
  outboxEmptyMs: number;
  stored: number;
  distinct: number;
}

async function assertE2eBuild(): Promise<void> {
  const manifest = JSON.parse(await readFile(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    host_permissions?: string[];
  };
  if (!(manifest.host_permissions ?? []).includes(`${CANON_URL}/*`)) {
    throw new Error(
      `${EXTENSION_DIR} was not built for ${CANON_URL}; run: WXT_CANON_URL=${CANON_URL} npm exec -- wxt build`,
    );
  }
}

async function startCanon(dir: string): Promise<RunningServer> {
  const port = Number(new URL(CANON_URL).port);
  const config = {
    ...loadConfig({}),
    port,
    publicUrl: CANON_URL,
    databaseUrl: null,
    sqlitePath: path.join(dir, 'canon.sqlite'),
    mailDir: path.join(dir, 'mail'),
    smtpUrl: null,
    rateLimits: UNLIMITED_RATE_LIMITS,
  };
  return startServer({ config, log: () => {} });
}

async function countComments(server: RunningServer): Promise<{ stored: number; distinct: number }> {
  const rows = await server.deps.db.selectFrom('comments').select('body').execute();
  return { stored: rows.length, distinct: new Set(rows.map((row) => row.body)).size };
}

async function until(what: string, probe: () => Promise<boolean>, everyMs: number, started: number): Promise<number> {
  for (;;) {
    if (await probe()) return performance.now() - started;
    if (performance.now() - started > GIVE_UP_MS) throw new Error(`stuck: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

async function outboxSize(page: Page): Promise<number> {
  return valueOf(await sendAsExtensionPage(page, 'listOutbox', undefined)).length;
}

async function run(index: number): Promise<RunFigures> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bookside-bench-outbox-'));
  const server = await startCanon(dir);
  const browser = await launchWithExtension();
  try {
    const books = (await server.deps.db.selectFrom('books').select('id').orderBy('id').limit(BOOKS).execute()).map(
      (row) => row.id,
    );
    if (books.length < BOOKS) throw new Error(`the seeded canon has only ${books.length} books`);
    const page = await browser.openExtensionPage('options.html');

    const enqueueStart = performance.now();
    for (let i = 0; i < WRITES; i++) {
      valueOf(
        await sendAsExtensionPage(page, 'postComment', {
          bookId: books[i % BOOKS]!,
          body: `Bench ${index}/${i} ${randomUUID()}`,
        }),
      );
    }
    const enqueueMs = performance.now() - enqueueStart;
    if ((await outboxSize(page)) !== WRITES) throw new Error('the outbox does not hold every queued write');

    valueOf(await sendAsExtensionPage(page, 'registerIdentity', { name: 'Bench', email: 'bench@example.org' }));
    const started = performance.now();
    const serverHasAllMs = await until(
      'the server storing every comment',
      async () => (await countComments(server)).stored >= WRITES,
      DB_POLL_MS,
      started,
    );
    const outboxEmptyMs = await until(
      'the outbox emptying',
      async () => (await outboxSize(page)) === 0,
      OUTBOX_POLL_MS,
      started,
    );
    return { enqueueMs, serverHasAllMs, outboxEmptyMs, ...(await countComments(server)) };
  } finally {
    await browser.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await assertE2eBuild();
  const cpu = cpus();
  console.log(
    `outbox drain bench: ${WRITES} comments over ${BOOKS} books, real extension in headless Chromium → real canon server (SQLite, rate limits off) on loopback; ` +
      `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}`,
  );
  for (let i = 0; i < RUNS; i++) {
    const f = await run(i);
    console.log(
      `run ${i + 1}: queued in ${(f.enqueueMs / 1000).toFixed(2)} s (${Math.round(WRITES / (f.enqueueMs / 1000))} messages/s); after registration the server had all ${WRITES} in ` +
        `${(f.serverHasAllMs / 1000).toFixed(2)} s (${Math.round(WRITES / (f.serverHasAllMs / 1000))} writes/s), outbox empty at ${(f.outboxEmptyMs / 1000).toFixed(2)} s; ` +
        `server rows ${f.stored}, distinct ${f.distinct}`,
    );
  }
}

await main();
