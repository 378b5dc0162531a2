import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Lints small offending files as if they lived in each room, proving every
// boundary rule in eslint.config.js fires (and that allowed imports pass).
const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function ruleIdsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

/** [the importing file, what it imports] that each zone must refuse. */
const REFUSED: [zone: string, file: string, specifier: string][] = [
  ['lib never imports UI', 'lib/shared/bad.ts', '../../components/ports'],
  ['lib never imports entry points', 'lib/background/bad.ts', '../../entrypoints/background'],
  ['lib never imports the server', 'lib/shared/bad.ts', '../../server/config'],
  ['lib never imports build modules', 'lib/content/bad.ts', '../../modules/site-content-scripts'],
  ['shared imports no context: background', 'lib/shared/messages/bad.ts', '../../background/core/limits'],
  ['shared imports no context: content', 'lib/shared/bad.ts', '../content/page-agent'],
  ['shared imports no context: pages', 'lib/shared/settings/bad.ts', '../../pages/channel'],
  ['shared imports no context: detect', 'lib/shared/bad.ts', '../detect'],
  ['detect imports only shared/isbn and the BookRef', 'lib/detect/bad.ts', '../shared/messages/result'],
  ['detect imports no context', 'lib/detect/sites/bad.ts', '../../content/page-context'],
  ['content does not run background code', 'lib/content/bad.ts', '../background/outbox/store'],
  ['content does not run page code', 'lib/content/bad.ts', '../pages/channel'],
  ['pages do not run background code', 'lib/pages/bad.ts', '../background/cache/cache'],
  ['pages do not run in-page code', 'lib/pages/bad.ts', '../content/sidebar-frame'],
  ['the background runs no page code', 'lib/background/bad.ts', '../pages/identity'],
  ['the background runs no in-page code', 'lib/background/bad.ts', '../content/channel'],
  ['components never touch the background', 'components/BadPanel.tsx', '../lib/background/cache/cache'],
  ['components never touch in-page code', 'components/BadPanel.tsx', '../lib/content/page-agent'],
  ['components never import entry points', 'components/BadPanel.tsx', '../entrypoints/popup/port'],
  ['components never import the server', 'components/BadPanel.tsx', '../server/config'],
  ['extension pages never run background code', 'entrypoints/popup/bad.ts', '../../lib/background/dispatch'],
  ['extension pages never run in-page code', 'entrypoints/options/bad.ts', '../../lib/content/page-agent'],
  ['the background entry wires lib/background only', 'entrypoints/background.ts', '../lib/pages/channel'],
  ['the server shares only the API contract and ISBN rules', 'server/bad.ts', '../lib/shared/book-ref'],
  ['the server never imports UI', 'server/bad.ts', '../components/ports'],
  ['nothing imports tests', 'lib/bad.ts', '../tests/unit/runtime.test'],
  ['scripts do not import tests', 'scripts/bad.ts', '../tests/server/harness'],
];

/** Imports across rooms that are allowed. */
const ALLOWED: [room: string, file: string, specifier: string][] = [
  ['detect uses the ISBN rules', 'lib/detect/bad.ts', '../shared/isbn'],
  ['detect returns the shared BookRef', 'lib/detect/bad.ts', '../shared/book-ref'],
  ['content uses shared messages', 'lib/content/bad.ts', '../shared/messages/protocol'],
  ['content uses detection', 'lib/content/bad.ts', '../detect/detect-with'],
  ['pages use shared settings', 'lib/pages/bad.ts', '../shared/settings/defaults'],
  ['the background uses the API contract', 'lib/background/bad.ts', '../shared/api'],
  ['components use page helpers', 'components/BadPanel.tsx', '../lib/pages/reader-input'],
  ['the server uses the API contract', 'server/bad.ts', '../lib/shared/api'],
];

describe('room boundaries', () => {
  it.each(REFUSED)('%s (%s imports %s)', async (_, file, specifier) => {
    expect(await ruleIdsFor(file, `import '${specifier}';\n`)).toContain('import-x/no-restricted-paths');
  });

  it.each(ALLOWED)('allowed: %s (%s imports %s)', async (_, file, specifier) => {
    expect(await ruleIdsFor(file, `import '${specifier}';\n`)).not.toContain('import-x/no-restricted-paths');
  });

  it.each(['lib/pages/bad-ui.ts', 'lib/background/bad-ui.ts', 'lib/detect/bad-ui.ts'])(
    '%s may not import Preact',
    async (file) => {
      const ids = await ruleIdsFor(file, "import { h } from 'preact';\nexport const x = h;\n");
      expect(ids).toContain('no-restricted-imports');
    },
  );

  it('components may not touch idb, fetch or browser.*', async () => {
    const code = [
      "import { openDB } from 'idb';",
      'export const a = openDB;',
      "export const b = () => fetch('https://example.org');",
      'export const c = () => browser.runtime.id;',
      '',
    ].join('\n');
    const ids = await ruleIdsFor('components/BadPanel.tsx', code);
    expect(ids.filter((id) => id === 'no-restricted-imports')).toHaveLength(1);
    expect(ids.filter((id) => id === 'no-restricted-globals')).toHaveLength(2);
  });

  it.each(['lib/pages/bad.ts', 'lib/content/bad.ts', 'lib/shared/bad.ts'])(
    '%s may not open IndexedDB or the network',
    async (file) => {
      const code = "import { openDB } from 'idb';\nexport const a = openDB;\nexport const b = () => fetch('/x');\n";
      const ids = await ruleIdsFor(file, code);
      expect(ids).toContain('no-restricted-imports');
      expect(ids).toContain('no-restricted-globals');
    },
  );

  it('detection reads only the document it is given', async () => {
    const ids = await ruleIdsFor('lib/detect/bad.ts', 'export const title = () => document.title + location.href;\n');
    expect(ids.filter((id) => id === 'no-restricted-globals')).toHaveLength(2);
  });

  it('refuses an import cycle', async () => {
    // The outbox's row transitions read the limits; the limits reading them back closes a cycle.
    const ids = await ruleIdsFor(
      'lib/background/core/limits.ts',
      "import { leased } from '../outbox/row';\nexport const l = leased;\n",
    );
    expect(ids).toContain('import-x/no-cycle');
  });

  it('refuses a comment over 120 characters, but not a long URL or string', async () => {
    const long = `// ${'word '.repeat(24)}\n`;
    expect(long.length).toBeGreaterThan(121);
    expect(await ruleIdsFor('lib/shared/long.ts', long)).toContain('max-len');
    const url = `// https://example.org/${'a'.repeat(120)}\nexport const s = '${'b'.repeat(120)}';\n`;
    expect(await ruleIdsFor('lib/shared/long.ts', url)).not.toContain('max-len');
  });

  it('a clean file passes', async () => {
    const code = "import type { BookRef } from '../book-ref';\nexport type X = BookRef;\n";
    expect(await ruleIdsFor('lib/shared/messages/clean.ts', code)).toEqual([]);
  });
});
