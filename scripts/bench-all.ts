/**
 * `npm run bench` — runs every benchmark and writes BENCHMARKS.md: a table of
 * the figures beside their targets and the Hypothesis client as a reference,
 * and how each was measured. Each benchmark is its own script (run alone with
 * `npm run bench:<name>`); this one runs them one after another, so they do
 * not compete for the two cores, and reads their figures.
 *
 * PostgreSQL: uses DATABASE_URL when set; else starts a throw-away cluster
 * with scripts/pg-test-cluster.sh when PostgreSQL is installed; else leaves
 * that row out and says so.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { builtScripts, sidebarBundle, siteScripts, total, ANY_SITE_SCRIPT_FILE } from './bundle-sizes';
import { summarize, type Summary } from './figures';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'node_modules/.bin');
/** The address the e2e build talks to; the in-browser benchmarks start the canon server there. */
const E2E_CANON_URL = process.env.E2E_CANON_URL ?? 'http://127.0.0.1:18787';
const TMP = mkdtempSync(path.join(tmpdir(), 'bookside-bench-'));

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  console.log(`\n== ${label}`);
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status})`);
  return result.stdout;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function match(output: string, pattern: RegExp, what: string): RegExpMatchArray {
  const found = output.match(pattern);
  if (!found) throw new Error(`could not read ${what} from the benchmark's output`);
  return found;
}

interface ServerFigures {
  lookup: { requestsPerSecond: number; p50: number; p99: number };
  commentPost: { requestsPerSecond: number; p99: number };
}

function benchServer(backend: 'sqlite' | 'postgres', env: NodeJS.ProcessEnv = {}): ServerFigures {
  const json = path.join(TMP, `server-${backend}.json`);
  run(
    `canon server, ${backend}`,
    path.join(BIN, 'tsx'),
    ['scripts/bench-server.ts', '--backend', backend, '--json', json],
    env,
  );
  return readJson<ServerFigures>(json);
}

function postgresServer(): { figures: ServerFigures | null; note: string } {
  if (process.env.DATABASE_URL) {
    return { figures: benchServer('postgres'), note: 'the PostgreSQL server named by DATABASE_URL' };
  }
  if (!existsSync('/usr/lib/postgresql')) {
    return { figures: null, note: 'not measured: no PostgreSQL on this machine and no DATABASE_URL' };
  }
  // Not under TMP: that directory is private to this user, and the cluster runs as `postgres`.
  const env = { PG_TEST_PORT: '55477', PG_TEST_DIR: `${TMP}-pg` };
  const url = execFileSync('scripts/pg-test-cluster.sh', ['start'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  }).trim();
  try {
    return {
      figures: benchServer('postgres', { DATABASE_URL: url }),
      note: 'a throw-away PostgreSQL cluster on loopback (fsync off)',
    };
  } finally {
    execFileSync('scripts/pg-test-cluster.sh', ['stop'], { cwd: ROOT, env: { ...process.env, ...env } });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;

async function main(): Promise<void> {
  const startLoad = loadavg()[0]!;
  run('build (Chrome, for the canon server the in-browser benchmarks start)', path.join(BIN, 'wxt'), ['build'], {
    WXT_CANON_URL: E2E_CANON_URL,
    // The sidebar bench's framing floor (modules/bench-probe.ts); its files stay out of the size figures.
    BOOKSIDE_BENCH_PROBE: '1',
  });
  const outDir = path.join(ROOT, '.output/chrome-mv3');
  const scripts = await builtScripts(outDir);
  const injected: Summary = summarize(siteScripts(scripts).map((s) => s.gzip));
  const amazon = scripts.find((s) => s.file === 'content-scripts/amazon.js');
  const anySite = scripts.find((s) => s.file === ANY_SITE_SCRIPT_FILE);
  const sidebar = total(await sidebarBundle(outDir));

  const detectOut = run('detection', path.join(BIN, 'tsx'), ['scripts/bench-detect.ts', '--only', 'chromium']);
  const [, pages, worstP95, medianP95, over] = match(
    detectOut,
    /pages: (\d+); worst p95 ([\d.]+) ms; median of p95s ([\d.]+) ms; pages over 1 ms: (\d+)/,
    'the detection figures',
  );

  const sidebarJson = path.join(TMP, 'sidebar.json');
  run('sidebar', path.join(BIN, 'tsx'), ['scripts/bench-sidebar.ts', '--json', sidebarJson]);
  const sidebarTimes = readJson<{
    cold: Summary;
    warm: Summary;
    floor: { cold: Summary; warm: Summary };
    ratio: { cold: number; warm: number };
  }>(sidebarJson);

  const sqlite = benchServer('sqlite');
  const postgres = postgresServer();

  const outboxOut = run('outbox drain', path.join(BIN, 'tsx'), ['scripts/bench-outbox.ts']);
  const [, drainAll, drainEmpty] = match(
    outboxOut,
    /the server had all \d+ in ([\d.]+) s .*?outbox empty at ([\d.]+) s/,
    'the outbox figures',
  );

  const rows: [string, string, string, string][] = [
    [
      'Injected into a supported site’s page (book or not), gzip',
      `median ${kb(injected.median)}, largest ${kb(injected.max)} (Amazon ${kb(amazon?.gzip ?? 0)}) over ${injected.runs} site scripts`,
      '≤ 6 KB',
      '59 KB annotator on every page',
    ],
    ['Injected on other pages with *any site* on, gzip', anySite ? kb(anySite.gzip) : '—', '≤ 6 KB', '59 KB'],
    ['Sidebar bundle (scripts and styles of sidepanel.html), gzip', kb(sidebar.gzip), '≤ 30 KB', '250 KB sidebar app'],
    [
      '`detectBook` p95 per page in Chromium',
      `median of p95s ${medianP95} ms, worst ${worstP95} ms, ${over} of ${pages} pages over 1 ms`,
      '≤ 1 ms',
      '—',
    ],
    // The headline is the ratio to the framing floor measured in the same run: load moves both alike.
    [
      'DOMContentLoaded → sidebar showing the book, warm cache, × an empty framed page',
      `${sidebarTimes.ratio.warm.toFixed(2)} × (median ${ms(sidebarTimes.warm.median)} vs ${ms(sidebarTimes.floor.warm.median)}; p95 ${ms(sidebarTimes.warm.p95)} vs ${ms(sidebarTimes.floor.warm.p95)}; ${sidebarTimes.warm.runs} runs)`,
      '≤ 0.5 × (≤ 100 ms)',
      '—',
    ],
    [
      'DOMContentLoaded → sidebar showing the book, cold cache, × an empty framed page',
      `${sidebarTimes.ratio.cold.toFixed(2)} × (median ${ms(sidebarTimes.cold.median)} vs ${ms(sidebarTimes.floor.cold.median)}; p95 ${ms(sidebarTimes.cold.p95)} vs ${ms(sidebarTimes.floor.cold.p95)}; ${sidebarTimes.cold.runs} runs)`,
      '≤ 1.0 ×',
      '—',
    ],
    [
      'Canon server lookups, SQLite',
      `${sqlite.lookup.requestsPerSecond} req/s, p50 ${sqlite.lookup.p50} ms, p99 ${sqlite.lookup.p99} ms`,
      '≥ 5,000 req/s, p99 ≤ 10 ms',
      '—',
    ],
    [
      'Canon server lookups, PostgreSQL',
      postgres.figures
        ? `${postgres.figures.lookup.requestsPerSecond} req/s, p50 ${postgres.figures.lookup.p50} ms, p99 ${postgres.figures.lookup.p99} ms`
        : postgres.note,
      '—',
      '—',
    ],
    [
      'Comment posts (fresh idempotency key each), SQLite',
      `${sqlite.commentPost.requestsPerSecond} req/s, p99 ${sqlite.commentPost.p99} ms`,
      '—',
      '—',
    ],
    [
      'Outbox drain, 1,000 queued comments',
      `server has all in ${drainAll} s; outbox empty at ${drainEmpty} s`,
      '—',
      '—',
    ],
  ];

  const cpu = cpus();
  const markdown = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${startLoad.toFixed(1)} at the start and ${loadavg()[0]!.toFixed(1)} at the end. Each figure comes from the script named below; run one alone with \`npm run bench:<name>\`. Figures, not assertions: no test fails on them.

| measure | Bookside | target | Hypothesis client (reference) |
| --- | --- | --- | --- |
${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}

## How each figure was measured

- **Injected bytes** (\`npm run size\`): the production Chrome build; every site has its own content script (the page agent, the generic signals and that site's adapter), so a page receives one file, the same on its book and non-book pages. Sizes are gzip level 9 of the built file. The *any site* script (all library-platform adapters) is injected only after the reader turns *any site* on.
- **Sidebar bundle**: the scripts and stylesheets \`sidepanel.html\` loads, gzip level 9. The sidebar runs as an extension page in a frame; none of it is injected into the host page.
- **Detection** (\`npm run bench:detect\`): \`detectBook\` bundled with esbuild and run in headless Chromium on every fixture page (real saved pages and synthetic ones) loaded with \`setContent\`, scripts off; per page 30 samples of 20 runs each (page timers are coarsened to 0.1 ms), after 5 warm-up runs. The table gives the median over pages of each page's p95, and the worst page.
- **Sidebar timing** (\`npm run bench:sidebar\`): the real extension in headless Chromium with the real canon server on loopback, on a saved amazon.co.uk page carrying a canon book. From the page's DOMContentLoaded to the first frame the sidebar paints with the book (a user-timing mark), both read as epoch milliseconds. Cold: a fresh profile's first visit; warm: later visits in the same profile. The sidebar is set to open.
- **Canon server** (\`npm run bench:server\`): the server in a child process (rate limits off, mail to files), autocannon in this process with 20 connections for 10 s on loopback; lookups cycle through every seeded ISBN; comment posts each carry a new Idempotency-Key and are written durably (SQLite WAL, synchronous=FULL).
- **Outbox drain** (\`npm run bench:outbox\`): 1,000 comments over 20 canon books queued in the real extension in headless Chromium before any identity exists; the clock starts when the identity is registered and stops when the server's database holds all 1,000 and when the outbox is empty.
- **Hypothesis client**: the published sizes of its in-page annotator (59 KB gzip, injected into every page) and its sidebar app (250 KB gzip), for scale.
`;
  writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), markdown);
  console.log(`\nwrote BENCHMARKS.md\n`);
  console.log(markdown);
}

await main();
