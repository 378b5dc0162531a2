/** Sizes of the built extension, shared by `npm run size` and `npm run bench`. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

async function sizeOf(outDir: string, file: string): Promise<FileSize> {
  const bytes = await readFile(path.join(outDir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** Every script and stylesheet in the build, sorted by path. */
export async function builtScripts(outDir: string): Promise<FileSize[]> {
  const files: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(path.join(outDir, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(relative);
      else if (/\.(js|mjs|css)$/.test(entry.name)) files.push(relative);
    }
  };
  await walk('.');
  files.sort();
  return Promise.all(files.map((file) => sizeOf(outDir, file)));
}

/** The opt-in script for library platforms on any host (see modules/site-content-scripts.ts). */
export const ANY_SITE_SCRIPT_FILE = 'content-scripts/any-site.js';

/** What a supported site's page receives: that site's content script (the same file on its book and non-book pages). */
export function siteScripts(sizes: FileSize[]): FileSize[] {
  return sizes.filter((size) => size.file.startsWith('content-scripts/') && size.file !== ANY_SITE_SCRIPT_FILE);
}

/** The sidebar page's own code: the scripts and stylesheets its HTML loads (never injected into pages). */
export async function sidebarBundle(outDir: string): Promise<FileSize[]> {
  const html = await readFile(path.join(outDir, 'sidepanel.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
  return Promise.all([...new Set(assets)].map((file) => sizeOf(outDir, file)));
}

export function total(sizes: FileSize[]): FileSize {
  return sizes.reduce((sum, size) => ({ file: 'total', raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip }), {
    file: 'total',
    raw: 0,
    gzip: 0,
  });
}
