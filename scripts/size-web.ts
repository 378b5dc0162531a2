// `npm run size:web`: what a reader's browser downloads for the canon's public
// pages, HTML + CSS + JS, raw and gzip, for / and a book page. The server runs
// as a real process on a throw-away SQLite database with the seed canon; the
// figures are the pages as a first-time visitor gets them. Figures, not assertions.
// Usage: npm run size:web [-- /books/<id> …]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServerProcess } from './server-process';

const paths = ['/', '/books/we-think', '/nominations', ...process.argv.slice(2)];
const dir = await mkdtemp(path.join(tmpdir(), 'bookside-size-web-'));
const server = await startServerProcess({ SQLITE_PATH: path.join(dir, 'canon.sqlite') });

const bytes = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());
const pad = (n: number | string, w = 8) => String(n).padStart(w);

try {
  console.log(
    `${'page'.padEnd(20)}${pad('HTML')}${pad('CSS')}${pad('JS')}${pad('total')}   (bytes, gzip -9; raw in brackets)`,
  );
  for (const pagePath of paths) {
    const html = await bytes(`${server.url}${pagePath}`);
    const text = html.toString('utf8');
    const sheets = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1] ?? '');
    const scripts = [...text.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? '');
    const load = async (refs: string[]) =>
      Buffer.concat(await Promise.all(refs.map((r) => bytes(`${server.url}${r}`))));
    const css = await load(sheets);
    const js = await load(scripts);
    const gz = (b: Buffer) => (b.length === 0 ? 0 : gzipSync(b, { level: 9 }).length);
    const total = gz(html) + gz(css) + gz(js);
    console.log(
      `${pagePath.padEnd(20)}${pad(gz(html))}${pad(gz(css))}${pad(gz(js))}${pad(total)}   ` +
        `[${html.length} + ${css.length} + ${js.length}]`,
    );
  }
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
