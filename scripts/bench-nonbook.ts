/**
 * `npm run bench:nonbook` — what Bookside costs on the pages of a supported
 * site that are not one book, for two builds side by side (say, before and
 * after a change): the real extension in headless Chromium on saved pages,
 * alternating between the two browsers visit by visit so both see the same
 * machine.
 *
 * Per visit, from navigation to 2 s after DOMContentLoaded: the CPU time of
 * the whole browser (every process of its profile, from /proc: user +
 * system), the largest proportional memory (PSS, sampled every 100 ms, from
 * /proc/<pid>/smaps_rollup) of those processes, and how many extension
 * frames were attached. Linux only. Prints medians; asserts nothing.
 *
 * Usage: tsx scripts/bench-nonbook.ts --a DIR --b DIR [--runs N] (builds made with `wxt build`).
 *
 * With `--early-frame` (and one build, `--a DIR`, the production build by
 * default): the cost of the early frame alone. Both browsers run that build;
 * in `a` the sidebar is in pages (where the address may be a book's, the
 * hidden frame is made at document_start and what detection needs next
 * starts loading), in `b` it is in the browser's side panel, so no frame is
 * ever made in the page (lib/content/early-frame.ts). Everything else (the
 * site script, detection, the report) is the same in both.
 */
import { readdir, readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './extension-browser';
import { sendAsExtensionPage, valueOf } from './extension-messages';
import { summarize } from './figures';
import { fixtureHtml, loadManifest } from './fixture-manifest';

const { values: args } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string' },
    runs: { type: 'string', default: '10' },
    'early-frame': { type: 'boolean', default: false },
  },
});
const earlyFrameOnly = args['early-frame'];
if (earlyFrameOnly) args.a ??= EXTENSION_DIR;
if (!args.a || (!args.b && !earlyFrameOnly)) {
  throw new Error('Usage: tsx scripts/bench-nonbook.ts (--a DIR --b DIR | --early-frame [--a DIR]) [--runs N]');
}

/** Saved non-book pages of supported sites: a search (its address says so) and a product that is not a book. */
const PAGES = ['amazon/com-negative-2016-search-no-results.html', 'amazon/es-negative-window-robot.html'];
const SETTLE_MS = 2_000;
const SAMPLE_MS = 100;
const TICKS_PER_SECOND = 100;

/** Every process of the browser using this profile: those naming it, and their descendants. */
async function browserProcesses(userDataDir: string): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const parent = new Map<number, number>();
  const roots: number[] = [];
  for (const pid of pids) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if ((await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes(userDataDir)) roots.push(pid);
    } catch {
      // The process ended meanwhile.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid; p && p > 1; p = parent.get(p)) if (roots.includes(p)) return true;
    return false;
  };
  return pids.filter(inTree);
}

async function cpuSeconds(pids: number[]): Promise<number> {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile (its time is lost to both builds alike).
    }
  }
  return ticks / TICKS_PER_SECOND;
}

async function pssKb(pids: number[]): Promise<number> {
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(/^Pss:\s+(\d+)/m.exec(await readFile(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended meanwhile.
    }
  }
  return kb;
}

interface Visit {
  cpuMs: number;
  peakPssMb: number;
  extensionFrames: number;
}

async function visit(browser: ExtensionBrowser, page: Page, url: string): Promise<Visit> {
  let extensionFrames = 0;
  const onFrame = (frame: { url(): string }) =>
    void (frame.url().startsWith('chrome-extension://') && extensionFrames++);
  page.on('frameattached', onFrame);
  page.on('framenavigated', onFrame);
  const before = await cpuSeconds(await browserProcesses(browser.userDataDir));
  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await pssKb(await browserProcesses(browser.userDataDir)));
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  })();
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 90_000 });
  await page.waitForTimeout(SETTLE_MS);
  sampling = false;
  await sampler;
  const after = await cpuSeconds(await browserProcesses(browser.userDataDir));
  page.off('frameattached', onFrame);
  page.off('framenavigated', onFrame);
  return { cpuMs: (after - before) * 1000, peakPssMb: peak / 1024, extensionFrames: Math.min(extensionFrames, 1) };
}

async function main(): Promise<void> {
  const manifest = loadManifest();
  const loadAtStart = loadavg()[0]!;
  const builds = earlyFrameOnly
    ? { a: `${args.a!}, sidebar in pages`, b: `${args.a!}, sidebar in the browser's side panel (no frame in pages)` }
    : { a: args.a!, b: args.b! };
  const browsers = {
    a: await launchWithExtension({ extensionDir: args.a! }),
    b: await launchWithExtension({ extensionDir: earlyFrameOnly ? args.a! : args.b! }),
  };
  if (earlyFrameOnly) {
    const options = await browsers.b.openExtensionPage('options.html');
    valueOf(await sendAsExtensionPage(options, 'updateSettings', { sidebar: { placement: 'browser' } }));
    await options.close();
  }
  try {
    for (const file of PAGES) {
      const entry = manifest.find((candidate) => candidate.file === file)!;
      const url = entry.original_url!;
      const html = fixtureHtml(entry);
      const results: Record<'a' | 'b', Visit[]> = { a: [], b: [] };
      const pages: Partial<Record<'a' | 'b', Page>> = {};
      for (const key of ['a', 'b'] as const) {
        const { context } = browsers[key];
        await context.route('**/*', (route) => {
          const requested = route.request().url();
          if (requested.split('#')[0] === url) {
            return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
          }
          return /^https?:/.test(requested) ? route.abort('internetdisconnected') : route.fallback();
        });
        pages[key] = await context.newPage();
        await visit(browsers[key], pages[key]!, url); // warm-up
      }
      for (let run = 0; run < Number(args.runs); run++) {
        for (const key of run % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const)) {
          results[key].push(await visit(browsers[key], pages[key]!, url));
        }
      }
      for (const key of ['a', 'b'] as const) {
        const cpu = summarize(results[key].map((r) => r.cpuMs));
        const pss = summarize(results[key].map((r) => r.peakPssMb));
        const frames = results[key].filter((r) => r.extensionFrames > 0).length;
        console.log(
          `${file} (${url}) ${key} = ${builds[key]}: browser CPU median ${cpu.median.toFixed(0)} ms (p95 ${cpu.p95.toFixed(0)}), ` +
            `peak PSS median ${pss.median.toFixed(1)} MB, an extension frame in ${frames} of ${results[key].length} visits`,
        );
      }
      for (const key of ['a', 'b'] as const) await pages[key]!.close();
      for (const key of ['a', 'b'] as const) await browsers[key].context.unrouteAll();
    }
  } finally {
    await browsers.a.close();
    await browsers.b.close();
  }
  console.log(`load average ${loadAtStart.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end`);
}

await main();
