// Renders assets/icon.svg to the PNG sizes the manifests need, in Chromium,
// so the icons can be remade from their one source: `npm run icons`.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

const ICON_SIZES = [16, 32, 48, 96, 128];
const root = path.resolve(import.meta.dirname, '..');
const svg = await readFile(path.join(root, 'assets/icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage();
for (const size of ICON_SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  const png = await page.screenshot({ omitBackground: true });
  await writeFile(path.join(root, `public/icon/${size}.png`), png);
  console.log(`public/icon/${size}.png  ${png.length} bytes`);
}
await browser.close();
