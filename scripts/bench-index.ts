/**
 * `npm run bench:index` — the canon index (issue 16): its size, the time a
 * browser takes to sync it and to decide "known / not known" from it, and
 * what a prefix query costs, for today's canon and for a generated
 * 100,000-book canon. The real server on loopback (SQLite); the background's
 * own sync and decision code over fake-indexeddb, as the extension runs it.
 *
 * Prints figures; asserts nothing. Options: --books N (100000), --json FILE.
 */
import 'fake-indexeddb/auto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { decideKnown } from '../lib/background/canon-index/known';
import { syncCanonIndex } from '../lib/background/canon-index/sync';
import { DB_NAME, openBooksideDb } from '../lib/background/database/schema';
import { CanonIndexAnswer, type CanonIndexHeader } from '../lib/shared/api';
import { refreshCanonIndex, rotateIndexKey } from '../server/canon-index/versions';
import { readSeedBooks } from '../server/db/seed';
import { loadConfig } from '../server/config';
import { UNLIMITED_RATE_LIMITS } from '../server/limits';
import { startServer, type RunningServer } from '../server/start';
import { summarize, type Summary } from './figures';
import { generateCanon, insertGeneratedCanon } from './generated-canon';

const { values: args } = parseArgs({
  options: { books: { type: 'string', default: '100000' }, json: { type: 'string' } },
});
const LOOKUPS = 2_000;
const RANGE_SAMPLES = 256;

type Book = { isbn13: string[]; title: string; authors: string[] };

interface CanonFigures {
  books: number;
  keys: number;
  mode: CanonIndexHeader['mode'];
  documentBytes: number;
  documentGzipBytes: number;
  /** A browser's first sync (empty index) and a revalidation (304), ms. */
  firstSyncMs: number;
  revalidateMs: number;
  /** Local decision per book, ms (document mode), or with prefix queries (prefix mode). */
  lookup: Summary;
  prefix?: { prefixLength: number; bucketSize: Summary; answerBytes: Summary; firstLookup: Summary };
}

async function header(server: Server): Promise<{ header: CanonIndexHeader; bytes: number }> {
  const text = await (await fetch(`${server.api}/canon-index`)).text();
  const parsed = v.parse(CanonIndexAnswer, JSON.parse(text));
  return { header: parsed.header, bytes: text.length };
}

/** A browser's background store, fresh: nothing held, as after an install. */
async function freshBackground(server: Server) {
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
  const db = await openBooksideDb();
  return {
    db,
    fetch: (input: string, init?: RequestInit) => fetch(input, init),
    now: Date.now,
    server: async () => server.url,
  };
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

async function measure(server: Server, books: Book[]): Promise<CanonFigures> {
  const { header: h, bytes } = await header(server);
  const deps = await freshBackground(server);
  const [, firstSyncMs] = await timed(() => syncCanonIndex(deps));
  progress(`first sync (${h.mode})`);
  const [, revalidateMs] = await timed(() => syncCanonIndex(deps));
  // Half canon books, half books it does not know (their ISBNs shifted out of the canon's range).
  const sample = Array.from({ length: LOOKUPS }, (_, i): Book => {
    const book = books[(i * 7919) % books.length]!;
    return i % 2 === 0 ? book : { isbn13: ['9780000000002'], title: `Not ${book.title}`, authors: ['Nobody Known'] };
  });
  const firstLookup: number[] = [];
  const lookup: number[] = [];
  for (const book of sample) {
    const [, ms] = await timed(() => decideKnown(deps, book));
    lookup.push(ms);
  }
  progress(`${LOOKUPS} decisions`);
  // Closed before a fresh store is made: deleting a database another connection holds open waits for it,
  // and so does every open after that delete (the prefix pass below hung here for good).
  deps.db.close();
  let prefix: CanonFigures['prefix'];
  if (h.mode === 'prefix') {
    // First decisions in a fresh store: each asks for its buckets.
    const cold = await freshBackground(server);
    await syncCanonIndex(cold);
    for (const book of sample.slice(0, 200)) firstLookup.push((await timed(() => decideKnown(cold, book)))[1]);
    cold.db.close();
    progress('200 first decisions in a fresh store');
    const sizes: number[] = [];
    const answerBytes: number[] = [];
    for (let i = 0; i < RANGE_SAMPLES; i++) {
      const p = ((i * 2654435761) >>> 0).toString(16).padStart(8, '0').slice(0, h.prefixLength);
      const text = await (await fetch(`${server.api}/canon-index/range/${p}`)).text();
      sizes.push((JSON.parse(text) as { entries: unknown[] }).entries.length);
      answerBytes.push(text.length);
    }
    prefix = {
      prefixLength: h.prefixLength,
      bucketSize: summarize(sizes),
      answerBytes: summarize(answerBytes),
      firstLookup: summarize(firstLookup),
    };
  }
  return {
    books: h.size,
    keys: h.keys,
    mode: h.mode,
    documentBytes: h.mode === 'document' ? bytes : -1,
    documentGzipBytes: h.gzipBytes,
    firstSyncMs,
    revalidateMs,
    lookup: summarize(lookup),
    prefix,
  };
}

function print(name: string, f: CanonFigures): void {
  const ms = (n: number) => `${n.toFixed(n < 1 ? 3 : 1)} ms`;
  console.log(`\n${name}: ${f.books} entries and nominations, ${f.keys} match keys, mode ${f.mode}`);
  console.log(
    `  whole document, gzip: ${f.documentGzipBytes} bytes${f.documentBytes > 0 ? ` (${f.documentBytes} raw)` : ''}`,
  );
  console.log(`  first sync ${ms(f.firstSyncMs)}, revalidation (304) ${ms(f.revalidateMs)}`);
  console.log(`  decision per book: median ${ms(f.lookup.median)}, p95 ${ms(f.lookup.p95)} (${f.lookup.runs} books)`);
  if (f.prefix !== undefined) {
    const p = f.prefix;
    console.log(
      `  prefix length ${p.prefixLength}; bucket size median ${p.bucketSize.median}, min ${p.bucketSize.min}, max ${p.bucketSize.max}`,
    );
    console.log(`  range answer bytes median ${p.answerBytes.median}, max ${p.answerBytes.max}`);
    console.log(
      `  first decision (asks its buckets): median ${ms(p.firstLookup.median)}, p95 ${ms(p.firstLookup.p95)}`,
    );
  }
}

type Server = RunningServer & { api: string; stop(): Promise<void> };

/** The canon server on a loopback port of its own, seeded, SQLite in a temporary folder. */
async function startCanon(): Promise<Server> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bookside-bench-index-'));
  const running = await startServer({
    config: {
      ...loadConfig({}),
      port: 0,
      sqlitePath: path.join(dir, 'canon.sqlite'),
      mailDir: path.join(dir, 'mail'),
      rateLimits: UNLIMITED_RATE_LIMITS,
    },
    log: () => {},
  });
  return {
    ...running,
    api: `${running.url}/api/v1`,
    async stop() {
      await running.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const n = Number(args.books);
const started = performance.now();
/** Progress on stderr, so a long run on a slow machine shows where it is. */
const progress = (step: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${step}`);
const results: Record<string, CanonFigures> = {};

const today = await startCanon();
try {
  results.today = await measure(today, readSeedBooks());
  print("Today's canon", results.today);
} finally {
  await today.stop();
}

const big = await startCanon();
try {
  const generated = generateCanon(n);
  progress(`generated ${n} books`);
  await insertGeneratedCanon(big.deps.db, generated, Date.now());
  progress('inserted them into the canon database');
  await big.deps.write(({ trx }) => refreshCanonIndex(trx, Date.now()));
  progress('published the index');
  results.generatedPrefix = await measure(big, generated);
  print(`Generated canon (${n} books), as served: by prefix`, results.generatedPrefix);
  // The same canon forced whole, for the document's size and sync time (a new key moves the version).
  big.deps.config.canonIndex.documentMaxGzipBytes = Number.MAX_SAFE_INTEGER;
  await big.deps.write(({ trx }) => rotateIndexKey(trx, Date.now()));
  results.generatedDocument = await measure(big, generated);
  print(`Generated canon (${n} books), forced whole`, results.generatedDocument);
} finally {
  await big.stop();
}
if (args.json !== undefined) await writeFile(args.json, JSON.stringify(results, null, 2));
