import { existsSync } from 'node:fs';
import { defineWebExtConfig } from 'wxt';
import { buildCanonOrigin } from './lib/shared/settings/defaults';
import { WE_THINK } from './scripts/canon-book-page';

// `npm start` opens the extension in a development browser. Prefer the
// system's Chromium where it is installed (Debian's /usr/bin/chromium);
// otherwise WXT finds Chrome itself.
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

const chromiumArgs: string[] = [];
// Chromium refuses to start as root with its sandbox on (containers, CI).
if (process.getuid?.() === 0) chromiumArgs.push('--no-sandbox');
// With no display (a server, a container), run the development browser
// headless so `npm start` still builds, loads and reloads the extension.
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  chromiumArgs.push('--headless=new');
}

export default defineWebExtConfig({
  ...(chromium ? { binaries: { chrome: chromium } } : {}),
  chromiumArgs,
  // A book the canon knows (the seed page's We-Think), and the canon's own home page beside it.
  startUrls: [WE_THINK.url, `${buildCanonOrigin(process.env)}/`],
});
