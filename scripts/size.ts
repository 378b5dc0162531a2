// Prints the raw and gzip size of every script in the built extension, each
// content script on its own line: figures to watch, not assertions.
// Usage: npm run size [-- chrome-mv3|firefox-mv3]
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const target = process.argv[2] ?? 'chrome-mv3';
const outDir = path.resolve(import.meta.dirname, '../.output', target);

async function* scriptsUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* scriptsUnder(full);
    else if (/\.(js|mjs|css)$/.test(entry.name)) yield full;
  }
}

try {
  await stat(outDir);
} catch {
  console.error(`No build at ${outDir}: run \`npm run build\` first.`);
  process.exit(1);
}

const rows: { file: string; raw: number; gzip: number }[] = [];
for await (const file of scriptsUnder(outDir)) {
  const bytes = await readFile(file);
  rows.push({ file: path.relative(outDir, file), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
}
rows.sort((a, b) => a.file.localeCompare(b.file));
const width = Math.max(...rows.map((r) => r.file.length));
console.log(`${target}: raw and gzip bytes of every built script`);
for (const row of rows) {
  const kind = row.file.startsWith('content-scripts/') ? '  (content script, injected into pages)' : '';
  console.log(`${row.file.padEnd(width)}  ${String(row.raw).padStart(8)} raw  ${String(row.gzip).padStart(7)} gzip${kind}`);
}
