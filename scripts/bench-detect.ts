/**
 * Times detectBook on every fixture page, in happy-dom (Node) and in real
 * headless Chromium, and prints median and p95 per page in milliseconds,
 * beside a floor measured in the same run on the same page: the least any
 * detector must do (one JSON-LD parse and five selector look-ups). The
 * targets: p95 ≤ 1 ms and ≤ 1.5× the floor's p95.
 *   npm run bench:detect [-- --only happy-dom|chromium]
 * Chromium coarsens page timers to 0.1 ms, so each sample there is a batch
 * of repetitions divided by its size.
 *
 * Samples are taken once both are warm: run after run until the compiler has
 * settled (`WARM_UP_MS`). With only a few untimed runs, the p95 measured the
 * detector's code being compiled in its first samples, not detection. That
 * cost is real, but a page pays it once: it is printed apart, as each one's
 * first call in a fresh page (the bundle just evaluated), in Chromium. That
 * bundle holds every adapter and both looks; a page's own script holds one
 * adapter and loads a look only where needed, so it compiles less: the
 * `own 1st` column times the first call of the page's adapter alone, bundled
 * by itself, in another fresh page.
 */
import { loadavg } from 'node:os';
import { build } from 'esbuild';
import { chromium, type BrowserContext } from 'playwright-core';
import { detectBook } from '../lib/detect';
import { SITE_ADAPTERS } from '../lib/detect/sites';
import { fixtureHtml, fixtureUrl, loadManifest, type FixtureEntry } from './fixture-manifest';
import { parsePage } from './saved-page';

const SAMPLES = 30;
/** Repetitions per sample in Chromium: enough that a sample spans many timer ticks. */
const CHROMIUM_BATCH = 20;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const TARGET_P95_MS = 1;
const TARGET_FLOOR_RATIO = 1.5;
/**
 * The floor scan, as source so that Node and the Chromium page run the same
 * code: every JSON-LD block parsed once, then five look-ups a detector cannot
 * do without (the title heading, the Open Graph type, a schema.org scope, a
 * COinS span, an unAPI link), each a walk of the page when it misses.
 * Returns a count so the work is not optimised away.
 */
const FLOOR_SOURCE = `(doc) => {
  let found = 0;
  for (const script of doc.querySelectorAll('script')) {
    if ((script.getAttribute('type') || '').toLowerCase() !== 'application/ld+json') continue;
    try { JSON.parse(script.textContent || ''); found++; } catch { /* a broken block costs its parse too */ }
  }
  for (const selector of ['h1', 'meta[property="og:type"]', '[itemtype]', 'span.Z3988', 'link[rel="unapi-server"]']) {
    if (doc.querySelector(selector)) found++;
  }
  return found;
}`;
type FloorScan = (doc: Document) => number;
const floorScan = new Function(`return ${FLOOR_SOURCE}`)() as FloorScan;
/**
 * Untimed runs first, for at least this long and `WARM_UP_MIN_RUNS` runs, so
 * that samples measure optimised code. On the saved pages read by the generic
 * signals, 20-run samples still swing between 0.3 and 3 ms for about the
 * first half second of runs while the compiler works through the code (the
 * saved Payot and Goodreads editions pages); after it, they hold within a
 * few tenths of their median.
 */
const WARM_UP_MS = 1000;
const WARM_UP_MIN_RUNS = 20;

interface Timing {
  file: string;
  /** A page written by hand, not saved from a site (the manifest says which). */
  synthetic: boolean;
  /** The first call in a fresh page, cold (Chromium only). */
  first?: number;
  floorFirst?: number;
  /** The same with the page's own adapter alone, as its site script holds it (pages an adapter claims). */
  ownFirst?: number;
  median: number;
  p95: number;
  floorMedian: number;
  floorP95: number;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function summarise(entry: FixtureEntry, samples: number[], floorSamples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const floor = [...floorSamples].sort((a, b) => a - b);
  return {
    file: entry.file,
    synthetic: entry.synthetic === true,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    floorMedian: quantile(floor, 0.5),
    floorP95: quantile(floor, 0.95),
  };
}

async function benchHappyDom(entries: FixtureEntry[]): Promise<Timing[]> {
  const timings: Timing[] = [];
  for (const entry of entries) {
    const url = fixtureUrl(entry);
    const page = parsePage(fixtureHtml(entry), url);
    for (let i = 0, start = performance.now(); i < WARM_UP_MIN_RUNS || performance.now() - start < WARM_UP_MS; i++) {
      detectBook(page.document, url);
      floorScan(page.document);
    }
    const samples: number[] = [];
    const floorSamples: number[] = [];
    // Interleaved, so both see the same load on the machine.
    for (let i = 0; i < SAMPLES; i++) {
      let start = performance.now();
      detectBook(page.document, url);
      samples.push(performance.now() - start);
      start = performance.now();
      floorScan(page.document);
      floorSamples.push(performance.now() - start);
    }
    await page.close();
    timings.push(summarise(entry, samples, floorSamples));
  }
  return timings;
}

async function bundleDetector(): Promise<string> {
  const result = await build({
    entryPoints: ['lib/detect/index.ts'],
    bundle: true,
    format: 'iife',
    globalName: 'booksideDetect',
    minify: true,
    write: false,
    platform: 'browser',
    target: 'chrome120',
  });
  return result.outputFiles[0]?.text ?? '';
}

/**
 * Detection with one adapter alone (`lib/detect/sites/<id>.ts`, the file named
 * by its id), bundled by itself: what a page's own site script compiles of
 * detection, with both looks beside it (a page loads only the one it needs;
 * the other costs only its parse here).
 */
const ownBundles = new Map<string, Promise<string>>();
function bundleOwnDetector(adapterId: string): Promise<string> {
  const made =
    ownBundles.get(adapterId) ??
    build({
      stdin: {
        contents: [
          `import * as site from './lib/detect/sites/${adapterId}';`,
          `import { detectBookWith } from './lib/detect/detect-with';`,
          `const adapter = Object.values(site).find((value) => value.id === ${JSON.stringify(adapterId)});`,
          `export const detectBook = (doc, url) => detectBookWith([adapter], doc, url);`,
        ].join('\n'),
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      globalName: 'booksideOwnDetect',
      minify: true,
      write: false,
      platform: 'browser',
      target: 'chrome120',
    }).then((result) => result.outputFiles[0]?.text ?? '');
  ownBundles.set(adapterId, made);
  return made;
}

/** The adapter that claims the page, as the content scripts choose it (its `test`), if any. */
function claimingAdapter(entry: FixtureEntry): string | undefined {
  const url = fixtureUrl(entry);
  const page = parsePage(fixtureHtml(entry), url);
  const adapter = SITE_ADAPTERS.find((candidate) => candidate.test(new URL(url), page.document));
  void page.close();
  return adapter?.id;
}

/** The first call of the page's own detection in a fresh page, cold. */
async function ownFirstCall(context: BrowserContext, entry: FixtureEntry, adapterId: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.setContent(fixtureHtml(entry), { waitUntil: 'domcontentloaded' });
    await page.evaluate(`${await bundleOwnDetector(adapterId)};globalThis.booksideOwnDetect = booksideOwnDetect;`);
    return await page.evaluate((url) => {
      const own = (
        globalThis as unknown as { booksideOwnDetect: { detectBook: (doc: Document, url: string) => unknown } }
      ).booksideOwnDetect;
      const start = performance.now();
      own.detectBook(document, url);
      return performance.now() - start;
    }, fixtureUrl(entry));
  } finally {
    await page.close();
  }
}

async function benchChromium(entries: FixtureEntry[], bundle: string): Promise<Timing[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.route('**/*', (route) => route.abort()); // saved pages must not reach the network
  const timings: Timing[] = [];
  try {
    for (const entry of entries) {
      const page = await context.newPage();
      await page.setContent(fixtureHtml(entry), { waitUntil: 'domcontentloaded' });
      // `var booksideDetect` would stay local to the evaluated string: publish it.
      await page.evaluate(`${bundle};globalThis.booksideDetect = booksideDetect;`);
      await page.evaluate(`globalThis.booksideFloor = ${FLOOR_SOURCE};`);
      const [samples, floorSamples, first, floorFirst] = await page.evaluate(
        ({ url, samples, batch, warmUpMs, warmUpRuns }) => {
          const scope = globalThis as unknown as {
            booksideDetect: { detectBook: (doc: Document, url: string) => unknown };
            booksideFloor: (doc: Document) => number;
          };
          const detect = scope.booksideDetect.detectBook;
          const floor = scope.booksideFloor;
          // Cold: each one's first call, detection's first (a cache the page fills on a first look-up
          // is then the floor's gain, not detection's).
          let start = performance.now();
          detect(document, url);
          const first = performance.now() - start;
          start = performance.now();
          floor(document);
          const floorFirst = performance.now() - start;
          for (let i = 0, begun = performance.now(); i < warmUpRuns || performance.now() - begun < warmUpMs; i++) {
            detect(document, url);
            floor(document);
          }
          const out: number[] = [];
          const floorOut: number[] = [];
          for (let i = 0; i < samples; i++) {
            start = performance.now();
            for (let j = 0; j < batch; j++) detect(document, url);
            out.push((performance.now() - start) / batch);
            start = performance.now();
            for (let j = 0; j < batch; j++) floor(document);
            floorOut.push((performance.now() - start) / batch);
          }
          return [out, floorOut, first, floorFirst] as const;
        },
        {
          url: fixtureUrl(entry),
          samples: SAMPLES,
          batch: CHROMIUM_BATCH,
          warmUpMs: WARM_UP_MS,
          warmUpRuns: WARM_UP_MIN_RUNS,
        },
      );
      await page.close();
      const adapterId = claimingAdapter(entry);
      const ownFirst = adapterId ? await ownFirstCall(context, entry, adapterId) : undefined;
      timings.push({ ...summarise(entry, samples, floorSamples), first, floorFirst, ownFirst });
    }
  } finally {
    await browser.close();
  }
  return timings;
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

function print(title: string, timings: Timing[]): void {
  console.log(`\n${title}`);
  console.log(
    `${'page'.padEnd(64)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'floor p50'.padStart(10)} ${'floor p95'.padStart(10)} ${'p95/floor'.padStart(10)} ${'1st call'.padStart(9)} ${'floor 1st'.padStart(9)} ${'own 1st'.padStart(9)}`,
  );
  const ms = (value: number | undefined) => (value === undefined ? '' : value.toFixed(2)).padStart(9);
  const ratio = (t: Timing) => t.p95 / Math.max(t.floorP95, 1e-6);
  for (const t of timings) {
    console.log(
      [
        t.file.slice(0, 64).padEnd(64),
        t.median.toFixed(3).padStart(8),
        t.p95.toFixed(3).padStart(8),
        t.floorMedian.toFixed(3).padStart(10),
        t.floorP95.toFixed(3).padStart(10),
        `${ratio(t).toFixed(2)}x`.padStart(10),
        ms(t.first),
        ms(t.floorFirst),
        ms(t.ownFirst),
      ].join(' '),
    );
  }
  const p95s = timings.map((t) => t.p95).sort((a, b) => a - b);
  const ratios = timings.map(ratio).sort((a, b) => a - b);
  const over = timings.filter((t) => t.p95 > TARGET_P95_MS);
  const overFloor = timings.filter((t) => ratio(t) > TARGET_FLOOR_RATIO);
  console.log(
    `pages: ${timings.length}; worst p95 ${p95s.at(-1)?.toFixed(3)} ms; median of p95s ${quantile(p95s, 0.5).toFixed(3)} ms; pages over ${TARGET_P95_MS} ms: ${over.length}`,
  );
  console.log(
    `p95/floor: median ${quantile(ratios, 0.5).toFixed(2)}x, worst ${ratios.at(-1)?.toFixed(2)}x; pages over ${TARGET_FLOOR_RATIO}x the floor: ${overFloor.length}`,
  );
  const real = timings.filter((t) => !t.synthetic);
  const realRatios = real.map(ratio).sort((a, b) => a - b);
  console.log(
    `real saved pages (${real.length}): over ${TARGET_P95_MS} ms: ${real.filter((t) => t.p95 > TARGET_P95_MS).length}; p95/floor median ${quantile(realRatios, 0.5).toFixed(2)}x, over ${TARGET_FLOOR_RATIO}x: ${real.filter((t) => ratio(t) > TARGET_FLOOR_RATIO).length}`,
  );
  const firsts = timings.flatMap((t) => (t.first === undefined ? [] : [t.first])).sort((a, b) => a - b);
  const floorFirsts = timings.flatMap((t) => (t.floorFirst === undefined ? [] : [t.floorFirst])).sort((a, b) => a - b);
  if (firsts.length > 0) {
    console.log(
      `first call in a fresh page (cold, paid once per page): median ${quantile(firsts, 0.5).toFixed(2)} ms, worst ${firsts.at(-1)?.toFixed(2)} ms; the floor's: median ${quantile(floorFirsts, 0.5).toFixed(2)} ms, worst ${floorFirsts.at(-1)?.toFixed(2)} ms`,
    );
  }
  const owns = timings.flatMap((t) => (t.ownFirst === undefined ? [] : [t.ownFirst])).sort((a, b) => a - b);
  if (owns.length > 0) {
    console.log(
      `first call with the page's own adapter alone, as its site script holds it (cold, ${owns.length} pages an adapter claims): median ${quantile(owns, 0.5).toFixed(2)} ms, worst ${owns.at(-1)?.toFixed(2)} ms`,
    );
  }
  const slowest = [...over, ...overFloor.filter((t) => !over.includes(t))].slice(0, 12);
  if (slowest.length > 0) console.log(`over a target: ${slowest.map((t) => t.file).join(', ')}`);
  console.log(`load average now: ${load()}`);
}

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const entries = loadManifest();
console.log(`load average at start: ${load()} (1, 5, 15 min)`);
const bundle = await bundleDetector();
console.log(
  `detection bundle (IIFE, minified): ${(bundle.length / 1024).toFixed(1)} KiB, ${(Buffer.byteLength(bundle) / 1024).toFixed(1)} KiB as bytes`,
);
if (only !== 'chromium') print('happy-dom (Node), detectBook per page', await benchHappyDom(entries));
if (only !== 'happy-dom') {
  print(
    `Chromium headless, detectBook per page (${SAMPLES} samples × ${CHROMIUM_BATCH} runs)`,
    await benchChromium(entries, bundle),
  );
}
