/**
 * One content script per site. Each bundles the page agent, the generic
 * signals and its own site adapter only, with that adapter's match patterns,
 * so what a page receives stays a few kilobytes however many sites Bookside
 * knows. Entries are generated from `lib/detect/sites/` at build time: adding
 * an adapter file adds its content script.
 *
 * They are built as plain scripts (WXT's unlisted scripts, whose wrapper only
 * calls `main`) and listed in the manifest here, with Bookside's own small
 * page context (lib/content/page-context) instead of WXT's content-script
 * runtime: every byte lands in someone else's page.
 *
 * Platform adapters (Koha, Evergreen, VuFind…) run on any library's own host,
 * so they share one more script, `any-site`, which is not in the manifest:
 * the background registers it at run time once the reader grants the
 * optional "any site" permission. It carries only each platform's cheap
 * `test` (exported apart as `<adapter>Test`); the adapters themselves are a
 * script of their own, `platforms`, which the background injects into a
 * frame once one of those tests accepts the page
 * (lib/content/platform-adapters.ts).
 *
 * None of them carries detection's closer look (lib/detect/first-look.ts):
 * where a site adapter read a book, `book-check` checks it against the
 * page's own metadata; where none did but the page may hold one,
 * `closer-look` (the generic signals) reads it, loading `page-pass` (their
 * walk of the page's text) where the metadata falls short. Each is loaded
 * into a frame only when asked (lib/content/closer-look.ts).
 *
 * Nor do they carry what only a book page needs (showing the sidebar, quiet
 * mode, the shortcut): that is `sidebar-controls`, loaded into a frame once
 * its page agent found a book (lib/content/sidebar-controls.ts).
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteAdapter } from '../lib/detect/base/types';
import {
  ANY_SITE_SCRIPT_NAME,
  BOOK_CHECK_SCRIPT_NAME,
  CLOSER_LOOK_SCRIPT_NAME,
  CONTENT_SCRIPTS_DIR as SCRIPTS_DIR,
  PAGE_PASS_SCRIPT_NAME,
  PLATFORMS_SCRIPT_NAME,
  SIDEBAR_CONTROLS_SCRIPT_NAME,
} from '../lib/shared/content-scripts';
import type { Plugin } from 'vite';
import 'wxt';
import { addEntrypoint, addViteConfig, defineWxtModule } from 'wxt/modules';

const SITES_DIR = 'lib/detect/sites';

export default defineWxtModule({
  name: 'bookside:site-content-scripts',
  async setup(wxt) {
    const root = wxt.config.root;
    const generatedDir = path.join(wxt.config.wxtDir, 'site-content-scripts');
    await mkdir(generatedDir, { recursive: true });
    const adapters = await siteAdapters(path.join(root, SITES_DIR));
    const platforms = adapters.filter(({ adapter }) => adapter.matches.length === 0);
    const entries = [
      ...adapters
        .filter(({ adapter }) => adapter.matches.length > 0)
        .map((module) => ({ name: module.adapter.id, source: entrySource([module]) })),
      { name: ANY_SITE_SCRIPT_NAME, source: anySiteSource(platforms) },
      { name: PLATFORMS_SCRIPT_NAME, source: platformsSource(platforms) },
    ];
    for (const entry of entries) {
      const inputPath = path.join(generatedDir, `${entry.name}.ts`);
      await writeFile(inputPath, entry.source);
      await addScript(inputPath);
    }
    addViteConfig(wxt, () => ({ plugins: [bareScriptStart(generatedDir)] }));
    const onDemand = [
      { name: BOOK_CHECK_SCRIPT_NAME, source: providerSource('book-check-script', 'provideBookCheck') },
      { name: CLOSER_LOOK_SCRIPT_NAME, source: providerSource('closer-look-script', 'provideCloserLook') },
      { name: PAGE_PASS_SCRIPT_NAME, source: providerSource('page-pass-script', 'providePagePass') },
      {
        name: SIDEBAR_CONTROLS_SCRIPT_NAME,
        source: providerSource('sidebar-controls-script', 'provideSidebarControls'),
      },
    ];
    for (const script of onDemand) {
      const inputPath = path.join(generatedDir, `${script.name}.ts`);
      await writeFile(inputPath, script.source);
      await addScript(inputPath);
    }

    async function addScript(inputPath: string) {
      addEntrypoint(wxt, {
        type: 'unlisted-script',
        name: path.basename(inputPath, '.ts'),
        inputPath,
        outputDir: path.join(wxt.config.outDir, SCRIPTS_DIR),
        options: await wxt.builder.importEntrypoint(inputPath),
      });
    }
    // Declared at document_start: where the address may be a book's, the sidebar's frame starts loading
    // (hidden) while the page is still parsed; detection itself waits for the parsed page
    // (lib/content/early-frame.ts).
    wxt.hooks.hook('build:manifestGenerated', (_, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        ...adapters
          .filter(({ adapter }) => adapter.matches.length > 0)
          .map(({ adapter }) => ({
            matches: adapter.matches,
            js: [`${SCRIPTS_DIR}/${adapter.id}.js`],
            run_at: 'document_start' as const,
          })),
      ];
    });
  },
});

interface AdapterModule {
  path: string;
  exportName: string;
  adapter: SiteAdapter;
  /** The export that is the adapter's `test` alone, where the file has one (platform adapters). */
  testExportName?: string;
}

async function siteAdapters(dir: string): Promise<AdapterModule[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && f !== 'index.ts').sort();
  const found: AdapterModule[] = [];
  for (const file of files) {
    const modulePath = path.join(dir, file);
    const module = (await import(modulePath)) as Record<string, unknown>;
    const [exportName, adapter] = Object.entries(module).find(([, value]) => isAdapter(value)) ?? [];
    if (!exportName || !isAdapter(adapter)) throw new Error(`${SITES_DIR}/${file} exports no site adapter.`);
    const testExportName = Object.entries(module).find(([, value]) => value === adapter.test)?.[0];
    if (adapter.matches.length === 0 && !testExportName) {
      throw new Error(`${SITES_DIR}/${file}: a platform adapter exports its test apart, for the any-site script.`);
    }
    found.push({ path: modulePath.replace(/\.ts$/, ''), exportName, adapter, testExportName });
  }
  return found;
}

const UNLISTED_SCRIPT_START = '\0virtual:wxt-unlisted-script-entrypoint?';

/**
 * WXT starts an unlisted script through a wrapper that logs a crash with the
 * script's name (a few hundred bytes in every page, and silent in production
 * builds). These scripts start by calling `main` alone.
 */
function bareScriptStart(generatedDir: string): Plugin {
  return {
    name: 'bookside:bare-script-start',
    enforce: 'pre',
    load(id) {
      if (!id.startsWith(UNLISTED_SCRIPT_START)) return null;
      const inputPath = id.slice(UNLISTED_SCRIPT_START.length);
      if (path.dirname(path.resolve(inputPath)) !== path.resolve(generatedDir)) return null;
      return `import definition from ${JSON.stringify(inputPath)};\nexport default definition.main();\n`;
    },
  };
}

function isAdapter(value: unknown): value is SiteAdapter {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as SiteAdapter).detect === 'function' &&
    Array.isArray((value as SiteAdapter).matches)
  );
}

/**
 * A script loaded into a frame only when its page agent asks (the closer look's generic signals, the sidebar
 * controls): it only leaves what `provide` makes on the content-script world's global.
 */
function providerSource(file: string, provide: string): string {
  const lib = JSON.stringify(path.resolve(import.meta.dirname, '../lib/content', file));
  return [
    '// Generated by modules/site-content-scripts.ts; do not edit.',
    "import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';",
    `import { ${provide} } from ${lib};`,
    '',
    `export default defineUnlistedScript(() => ${provide}());`,
    '',
  ].join('\n');
}

/** A site's script: the page agent and its adapters; address watching only where an adapter navigates in place. */
/** The any-site script: the page agent and each platform's test; the platforms load once one test accepts a page. */
function anySiteSource(modules: AdapterModule[]): string {
  const lib = (file: string) => JSON.stringify(path.resolve(import.meta.dirname, '../lib/content', file));
  const tests = modules.map((module) => module.testExportName!);
  return [
    '// Generated by modules/site-content-scripts.ts; do not edit.',
    "import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';",
    `import { runPageAgent } from ${lib('page-agent')};`,
    `import { createPageContext, followingNavigation } from ${lib('page-context')};`,
    `import { platformAdaptersFor } from ${lib('platform-adapters')};`,
    ...modules.map((module) => `import { ${module.testExportName} } from ${JSON.stringify(module.path)};`),
    '',
    // Library catalogues are often single-page apps (Primo, Vega, Aspen): the address is watched.
    `export default defineUnlistedScript(() => runPageAgent(followingNavigation(createPageContext()), platformAdaptersFor([${tests.join(', ')}])));`,
    '',
  ].join('\n');
}

/** The platform adapters, left for the any-site script of the frame they are injected into. */
function platformsSource(modules: AdapterModule[]): string {
  const lib = JSON.stringify(path.resolve(import.meta.dirname, '../lib/content/platform-adapters'));
  return [
    '// Generated by modules/site-content-scripts.ts; do not edit.',
    "import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';",
    `import { installPlatformAdapters } from ${lib};`,
    ...modules.map((module) => `import { ${module.exportName} } from ${JSON.stringify(module.path)};`),
    '',
    `export default defineUnlistedScript(() => installPlatformAdapters([${modules.map((m) => m.exportName).join(', ')}]));`,
    '',
  ].join('\n');
}

function entrySource(modules: AdapterModule[]): string {
  const lib = (file: string) => JSON.stringify(path.resolve(import.meta.dirname, '../lib/content', file));
  const inPlace = modules.some(({ adapter }) => adapter.navigatesInPlace);
  const context = inPlace ? 'followingNavigation(createPageContext())' : 'createPageContext()';
  return [
    '// Generated by modules/site-content-scripts.ts; do not edit.',
    "import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';",
    `import { runPageAgent } from ${lib('page-agent')};`,
    `import { createPageContext${inPlace ? ', followingNavigation' : ''} } from ${lib('page-context')};`,
    ...modules.map((module) => `import { ${module.exportName} } from ${JSON.stringify(module.path)};`),
    '',
    `export default defineUnlistedScript(() => runPageAgent(${context}, [${modules.map((m) => m.exportName).join(', ')}]));`,
    '',
  ].join('\n');
}
