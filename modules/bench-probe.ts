/**
 * The framing floor for `npm run bench:sidebar`: an empty extension page (a
 * heading and a one-line module) framed the same way as the sidebar, on the
 * same saved page served from a host of its own (its content script is
 * scripts/bench-probe-frame.ts). Built only when
 * BOOKSIDE_BENCH_PROBE=1 (the bench's own build), so no shipped build has it.
 */
import path from 'node:path';
import 'wxt';
import { addEntrypoint, defineWxtModule } from 'wxt/modules';

/** Where the bench serves the saved page for the floor; the probe's content script runs there only. */
export const PROBE_ORIGIN = 'https://bookside-probe.test';
/** Everything the probe adds to a build is in this folder, apart from the shipped files and their sizes. */
const PROBE_DIR = 'bench';
export const PROBE_PAGE = `${PROBE_DIR}/probe.html`;
const PROBE_MODULE = `${PROBE_DIR}/probe.js`;
const PROBE_SCRIPT = 'bench-probe-frame';
/** The sidebar page marks its first frame with the book; the floor marks its first frame. */
export const PROBE_SHOWN_MARK = 'bookside:probe-shown';

const PROBE_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Bookside framing floor</title></head>
<body><h1>Bookside</h1><script type="module" src="/${PROBE_MODULE}"></script></body>
</html>
`;
const PROBE_JS = `requestAnimationFrame(() => performance.mark('${PROBE_SHOWN_MARK}'));\n`;
const SOURCES = path.resolve(import.meta.dirname, '../scripts');

export default defineWxtModule({
  name: 'bookside:bench-probe',
  async setup(wxt) {
    if (process.env.BOOKSIDE_BENCH_PROBE !== '1') return;
    // Copied as written, not bundled: WXT's page plugins (the browser polyfill) are the sidebar's cost,
    // not the floor's.
    wxt.hooks.hook('build:publicAssets', (_, files) => {
      files.push(
        { relativeDest: PROBE_PAGE, contents: PROBE_HTML },
        { relativeDest: PROBE_MODULE, contents: PROBE_JS },
      );
    });
    const scriptPath = path.join(SOURCES, `${PROBE_SCRIPT}.ts`);
    addEntrypoint(wxt, {
      type: 'unlisted-script',
      name: PROBE_SCRIPT,
      inputPath: scriptPath,
      outputDir: path.join(wxt.config.outDir, PROBE_DIR),
      options: await wxt.builder.importEntrypoint(scriptPath),
      skipped: false,
    });
    wxt.hooks.hook('build:manifestGenerated', (_, manifest) => {
      const matches = [`${PROBE_ORIGIN}/*`];
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches, js: [`${PROBE_DIR}/${PROBE_SCRIPT}.js`], run_at: 'document_end' },
      ];
      manifest.web_accessible_resources = [
        ...((manifest.web_accessible_resources ?? []) as chrome.runtime.ManifestV3['web_accessible_resources'] & {}),
        { resources: [PROBE_PAGE], matches, ...(wxt.config.browser === 'firefox' ? {} : { use_dynamic_url: true }) },
      ];
    });
  },
});
