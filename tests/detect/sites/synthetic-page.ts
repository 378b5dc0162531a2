import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Vitest runs from the repository root; happy-dom replaces the global URL, so no import.meta.url here.
const SYNTHETIC_DIR = join(process.cwd(), 'tests/fixtures/pages/synthetic');

/** A synthetic fixture page parsed as the browser would (happy-dom), with the URL it stands for. */
export function syntheticPage(file: string, url: string): { doc: Document; url: URL } {
  const html = readFileSync(join(SYNTHETIC_DIR, file), 'utf8');
  return { doc: new DOMParser().parseFromString(html, 'text/html'), url: new URL(url) };
}

/** An empty document, for URL-only `test()` checks. */
export function blankDocument(): Document {
  return new DOMParser().parseFromString('<!doctype html><html><head></head><body></body></html>', 'text/html');
}
