/**
 * Times detectBook on every fixture page, in happy-dom (Node) and in real
 * headless Chromium, and prints median and p95 per page in milliseconds.
 *   npm run bench:detect [-- --only happy-dom|chromium]
 * Chromium coarsens page timers to 0.1 ms, so each sample there is a batch
 * of repetitions divided by its size.
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { detectBook } from '../lib/detect';
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
/** Untimed runs first, so samples measure compiled code rather than the first parse of the bundle. */
const WARM_UP_RUNS = 5;

interface Timing {
  file: string;
  median: number;
  p95: number;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function summarise(file: string, samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { file, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
}

async function benchHappyDom(entries: FixtureEntry[]): Promise<Timing[]> {
  const timings: Timing[] = [];
  for (const entry of entries) {
    const url = fixtureUrl(entry);
    const page = parsePage(fixtureHtml(entry), url);
    for (let i = 0; i < WARM_UP_RUNS; i++) detectBook(page.document, url);
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const start = performance.now();
      detectBook(page.document, url);
      samples.push(performance.now() - start);
    }
    await page.close();
    timings.push(summarise(entry.file, samples));
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
      const samples = await page.evaluate(
        ({ url, samples, batch, warmUp }) => {
          const detect = (
            globalThis as unknown as { booksideDetect: { detectBook: (doc: Document, url: string) => unknown } }
          ).booksideDetect.detectBook;
          for (let i = 0; i < warmUp; i++) detect(document, url);
          const out: number[] = [];
          for (let i = 0; i < samples; i++) {
            const start = performance.now();
            for (let j = 0; j < batch; j++) detect(document, url);
            out.push((performance.now() - start) / batch);
          }
          return out;
        },
        { url: fixtureUrl(entry), samples: SAMPLES, batch: CHROMIUM_BATCH, warmUp: WARM_UP_RUNS },
      );
      timings.push(summarise(entry.file, samples));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return timings;
}

function print(title: string, timings: Timing[]): void {
  console.log(`\n${title}`);
  console.log(`${'page'.padEnd(64)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(10)}`);
  for (const t of timings) {
    console.log(
      `${t.file.slice(0, 64).padEnd(64)} ${t.median.toFixed(3).padStart(10)} ${t.p95.toFixed(3).padStart(10)}`,
    );
  }
  const p95s = timings.map((t) => t.p95).sort((a, b) => a - b);
  const over = timings.filter((t) => t.p95 > TARGET_P95_MS).length;
  console.log(
    `pages: ${timings.length}; worst p95 ${p95s.at(-1)?.toFixed(3)} ms; median of p95s ${quantile(p95s, 0.5).toFixed(3)} ms; pages over ${TARGET_P95_MS} ms: ${over}`,
  );
}

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const entries = loadManifest();
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
