import { existsSync } from 'node:fs';
import { defineWebExtConfig } from 'wxt';

// `npm start` opens the extension in a development browser. Prefer the
// system's Chromium where it is installed (Debian's /usr/bin/chromium);
// otherwise WXT finds Chrome itself.
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export default defineWebExtConfig({
  ...(chromium ? { binaries: { chrome: chromium } } : {}),
  startUrls: ['https://www.amazon.com/dp/0134763386'],
});
