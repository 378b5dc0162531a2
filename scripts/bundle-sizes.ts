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

/**
 * The opt-in script for library platforms on any host, and the scripts loaded
 * into a frame only when its page agent asks (see
 * modules/site-content-scripts.ts).
 */
import {
  ANY_SITE_SCRIPT_FILE,
  BOOK_CHECK_SCRIPT_FILE,
  CLOSER_LOOK_SCRIPT_FILE,
  PAGE_PASS_SCRIPT_FILE,
  PLATFORMS_SCRIPT_FILE,
  SIDEBAR_CONTROLS_SCRIPT_FILE,
} from '../lib/shared/content-scripts';

export { ANY_SITE_SCRIPT_FILE };

/** The scripts a page receives only on demand, each with when (as `npm run size` says it). */
export const ON_DEMAND_SCRIPTS = [
  {
    file: PLATFORMS_SCRIPT_FILE,
    when: 'where one library platform\'s test says "catalogue record"',
    what: 'the platform adapters',
  },
  { file: SIDEBAR_CONTROLS_SCRIPT_FILE, when: 'where a book is found', what: 'the sidebar controls' },
  { file: BOOK_CHECK_SCRIPT_FILE, when: 'where a site adapter read a book', what: 'the check of its book' },
  {
    file: CLOSER_LOOK_SCRIPT_FILE,
    when: 'where no adapter read a book but the markup or text may name one',
    what: 'the generic signals: their metadata pass',
  },
  {
    file: PAGE_PASS_SCRIPT_FILE,
    when: 'where the generic signals find its metadata falls short of naming a book',
    what: 'the generic signals: their page pass',
  },
] as const;

/** What a supported site's page receives: that site's content script (the same file on its book and non-book pages). */
export function siteScripts(sizes: FileSize[]): FileSize[] {
  return sizes.filter(
    (size) =>
      size.file.startsWith('content-scripts/') &&
      size.file !== ANY_SITE_SCRIPT_FILE &&
      !ON_DEMAND_SCRIPTS.some((script) => script.file === size.file),
  );
}

/** The sidebar page's own code: the scripts and stylesheets its HTML loads (never injected into pages). */
export function sidebarBundle(outDir: string): Promise<FileSize[]> {
  return entryBundle(outDir, 'sidepanel.html');
}

/** The extension's own pages and its background, by the file the browser starts them from. */
export const EXTENSION_ENTRIES = ['background.js', 'popup.html', 'options.html', 'sidepanel.html'];

/**
 * Everything one entry loads before it runs: the scripts and stylesheets an
 * HTML page names, and every chunk those scripts import, followed
 * transitively. Shared chunks count for each entry that loads them, so an
 * entry's figure is what it costs whatever the bundler chose to share.
 */
export async function entryBundle(outDir: string, entry: string): Promise<FileSize[]> {
  const seen = new Set<string>();
  const visit = async (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.js')) return;
    const code = await readFile(path.join(outDir, file), 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.(?:js|css))["']/g)) {
      await visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1]!)));
    }
  };
  if (entry.endsWith('.html')) {
    const html = await readFile(path.join(outDir, entry), 'utf8');
    for (const match of html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)) await visit(match[1]!);
  } else await visit(entry);
  return Promise.all([...seen].sort().map((file) => sizeOf(outDir, file)));
}

export function total(sizes: FileSize[]): FileSize {
  return sizes.reduce((sum, size) => ({ file: 'total', raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip }), {
    file: 'total',
    raw: 0,
    gzip: 0,
  });
}
