/**
 * Which source modules each content script carries, for `npm run size`: the
 * generated entries (modules/site-content-scripts.ts writes them under
 * .wxt/site-content-scripts at build time) bundled again with esbuild, whose
 * metafile names every module and its minified bytes. The figures are
 * esbuild's, close to but not the build's own; the lists are exact.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

export interface ScriptModules {
  /** The script's file in the build (`content-scripts/goodreads.js`). */
  file: string;
  /** Source modules relative to the project, with their minified bytes, largest first. */
  modules: { module: string; bytes: number }[];
}

const ROOT = path.resolve(import.meta.dirname, '..');
const ENTRIES_DIR = path.join(ROOT, '.wxt/site-content-scripts');

export async function contentScriptModules(): Promise<ScriptModules[]> {
  const entries = (await readdir(ENTRIES_DIR)).filter((file) => file.endsWith('.ts')).sort();
  return Promise.all(
    entries.map(async (entry) => {
      const result = await build({
        entryPoints: [path.join(ENTRIES_DIR, entry)],
        bundle: true,
        minify: true,
        format: 'iife',
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
      const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
      const modules = Object.entries(inputs)
        .map(([module, { bytesInOutput }]) => ({ module: shortName(module), bytes: bytesInOutput }))
        .filter(({ module, bytes }) => bytes > 0 && !module.startsWith('.wxt/') && !module.includes('node_modules'))
        .sort((a, b) => b.bytes - a.bytes);
      return { file: `content-scripts/${entry.replace(/\.ts$/, '.js')}`, modules };
    }),
  );
}

function shortName(module: string): string {
  return path
    .relative(ROOT, path.resolve(module))
    .replace(/^lib\//, '')
    .replace(/\.ts$/, '');
}
