/**
 * Opens the canon's public pages in real Chromium (headless, no extension)
 * and saves screenshots to docs/screenshots/, light and dark, at desktop
 * width and at 320 px. It also reports, per page, what a reader's browser
 * would: axe-core violations, any dialog a script opened, any request to an
 * origin other than the server, and whether the page is wider than 320 px.
 *
 *   tsx scripts/screenshot-pages.ts http://127.0.0.1:19040 [/books/other-book …]
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const AXE = readFileSync(fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');

const base = process.argv[2] ?? 'http://127.0.0.1:19040';
const paths = ['/books/we-think', '/', ...process.argv.slice(3)];
const name = (path: string) => (path === '/' ? 'canon' : path.replace(/^\/+/, '').replace(/[^a-z0-9]+/g, '-'));

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1000, 320]) {
      // axe is injected by the test, so the page's own CSP (no inline script) must not stop it.
      const context = await browser.newContext({
        colorScheme: scheme,
        viewport: { width, height: 900 },
        bypassCSP: true,
      });
      for (const path of paths) {
        const page = await context.newPage();
        const dialogs: string[] = [];
        const foreign: string[] = [];
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        page.on('request', (r) => {
          if (!r.url().startsWith(base)) foreign.push(r.url());
        });
        await page.goto(`${base}${path}`, { waitUntil: 'load' });
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
          ).axe;
          return (await axe.run()).violations.map((v) => `${v.id} (${v.nodes.length})`);
        });
        const file = `${OUT}${name(path)}-${scheme}-${width}.png`;
        await page.screenshot({ path: file, fullPage: width === 320 ? false : true });
        console.log(
          `${path} ${scheme} ${width}px: axe ${violations.length === 0 ? 'no violations' : violations.join(', ')}; ` +
            `dialogs ${dialogs.length}; foreign requests ${foreign.length}; scrollWidth ${scrollWidth}; ${file}`,
        );
        await page.close();
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
