// Prints the raw and gzip size of every script in the built extension, each
// content script on its own line, then what one page receives, which source
// modules each content script carries, and what the sidebar page loads:
// figures to watch, not assertions.
// Usage: npm run size [-- chrome-mv3|firefox-mv3|<path to a build>]
import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  ANY_SITE_SCRIPT_FILE,
  ON_DEMAND_SCRIPTS,
  builtScripts,
  entryBundle,
  EXTENSION_ENTRIES,
  siteScripts,
  total,
} from './bundle-sizes';
import { summarize } from './figures';
import { contentScriptModules } from './script-modules';

const target = process.argv[2] ?? 'chrome-mv3';
const outDir = target.includes('/') ? path.resolve(target) : path.resolve(import.meta.dirname, '../.output', target);

try {
  await stat(outDir);
} catch {
  console.error(`No build at ${outDir}: run \`npm run build\` first.`);
  process.exit(1);
}

const rows = await builtScripts(outDir);
const width = Math.max(...rows.map((r) => r.file.length));
console.log(`${target}: raw and gzip bytes of every built script`);
for (const row of rows) {
  const onDemand = ON_DEMAND_SCRIPTS.find((script) => script.file === row.file);
  const kind = onDemand
    ? `  (${onDemand.what}, loaded into a page only ${onDemand.when})`
    : row.file.startsWith('content-scripts/')
      ? '  (content script, injected into pages)'
      : '';
  console.log(
    `${row.file.padEnd(width)}  ${String(row.raw).padStart(8)} raw  ${String(row.gzip).padStart(7)} gzip${kind}`,
  );
}
const injected = summarize(siteScripts(rows).map((row) => row.gzip));
console.log(
  `\ninjected into a supported site's page (its one script, book page or not): median ${injected.median} B gzip, largest ${injected.max} B gzip, over ${injected.runs} site scripts`,
);
const anySite = rows.find((row) => row.file === ANY_SITE_SCRIPT_FILE);
if (anySite) console.log(`injected into every other page once "any site" is turned on: ${anySite.gzip} B gzip`);
for (const { file, when, what } of ON_DEMAND_SCRIPTS) {
  const row = rows.find((candidate) => candidate.file === file);
  if (row) console.log(`loaded besides, into a page ${when}: ${row.gzip} B gzip (${what})`);
}
// Every script that ever runs in someone else's page, against the 6 KiB each may weigh.
const LIMIT = 6144;
const inPages = rows.filter((row) => row.file.startsWith('content-scripts/'));
const over = inPages.filter((row) => row.gzip > LIMIT);
const largest = inPages.reduce((a, b) => (b.gzip > a.gzip ? b : a));
console.log(
  `every script that runs in pages (${inPages.length}): largest ${largest.file} ${largest.gzip} B gzip; ` +
    (over.length === 0
      ? `all within ${LIMIT} B`
      : `over ${LIMIT} B: ${over.map((row) => `${row.file} ${row.gzip}`).join(', ')}`),
);
// Which modules each content script carries: the ones every site script shares once, then each script's own.
const carried = await contentScriptModules().catch((error: unknown) => {
  console.log(`\n(no module lists: ${String(error)})`);
  return [];
});
const sites = carried.filter(({ file }) => siteScripts(rows).some((row) => row.file === file));
const shared = sites[0]?.modules
  .map(({ module }) => module)
  .filter((module) => sites.every((site) => site.modules.some((m) => m.module === module)));
if (shared) {
  const list = (modules: { module: string; bytes: number }[]) =>
    modules.map(({ module, bytes }) => `${module} ${bytes}`).join(', ');
  console.log('\nmodules each content script carries (minified bytes, bundled again with esbuild):');
  console.log(`every site script: ${list(sites[0]!.modules.filter(({ module }) => shared.includes(module)))}`);
  for (const { file, modules } of carried) {
    const own = sites.some((site) => site.file === file)
      ? modules.filter(({ module }) => !shared.includes(module))
      : modules;
    console.log(`${file}: ${sites.some((site) => site.file === file) ? 'besides those, ' : ''}${list(own)}`);
  }
}

console.log('\nwhat each extension entry loads (its own file and every chunk it imports):');
for (const entry of EXTENSION_ENTRIES) {
  const files = await entryBundle(outDir, entry);
  const sum = total(files);
  console.log(
    `${entry.padEnd(16)} ${String(sum.raw).padStart(8)} raw  ${String(sum.gzip).padStart(7)} gzip  (${files.length} files)`,
  );
}
