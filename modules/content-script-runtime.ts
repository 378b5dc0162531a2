/**
 * Content scripts use the browser's own promise-based `browser`/`chrome`
 * namespace instead of webextension-polyfill. MV3 in Chrome and Firefox
 * returns promises already, and the polyfill would add about 3 KB gzip to
 * every page Bookside is injected into. Extension pages and the background
 * keep the polyfill.
 */
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import 'wxt';
import { addViteConfig, defineWxtModule } from 'wxt/modules';

const POLYFILLED_BROWSER = '@wxt-dev/webextension-polyfill/browser';

export default defineWxtModule({
  name: 'bookside:content-script-runtime',
  setup(wxt) {
    const nativeBrowser = createRequire(import.meta.url).resolve('@wxt-dev/browser', { paths: [wxt.config.root] });
    addViteConfig(wxt, () => ({ plugins: [nativeBrowserInContentScripts(nativeBrowser)] }));
  },
});

function nativeBrowserInContentScripts(nativeBrowser: string): Plugin {
  let isContentScriptBuild = false;
  return {
    name: 'bookside:native-browser-in-content-scripts',
    enforce: 'pre',
    configResolved(config) {
      // WXT builds each content script alone, as an IIFE library.
      const entry = config.build.lib ? config.build.lib.entry : undefined;
      isContentScriptBuild =
        typeof entry === 'string' && /content-scripts?[/\\]|\.content\.|site-content-scripts/.test(entry);
    },
    resolveId(source) {
      if (isContentScriptBuild && source === POLYFILLED_BROWSER) return nativeBrowser;
      return null;
    },
  };
}
