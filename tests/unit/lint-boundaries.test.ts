import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Lints small offending files as if they lived in each layer, proving the
// boundary rules in eslint.config.js actually fire.
const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function ruleIdsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer boundaries', () => {
  it('lib/ may not import entry points', async () => {
    const ids = await ruleIdsFor('lib/bad-import.ts', "import '../entrypoints/background';\n");
    expect(ids).toContain('import-x/no-restricted-paths');
  });

  it('lib/ may not import Preact', async () => {
    const ids = await ruleIdsFor('lib/bad-ui.ts', "import { h } from 'preact';\nexport const x = h;\n");
    expect(ids).toContain('no-restricted-imports');
  });

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

  it('server/ may import lib/shared/api but nothing else of the extension', async () => {
    const bad = await ruleIdsFor('server/bad.ts', "import '../lib/detect/types';\n");
    expect(bad).toContain('import-x/no-restricted-paths');
  });

  it('nothing imports tests/', async () => {
    const ids = await ruleIdsFor('lib/bad-test-import.ts', "import '../tests/unit/runtime.test';\n");
    expect(ids).toContain('import-x/no-restricted-paths');
  });

  it('a clean lib file passes', async () => {
    const ids = await ruleIdsFor(
      'lib/clean.ts',
      "import type { BookRef } from './detect/types';\nexport type X = BookRef;\n",
    );
    expect(ids).toEqual([]);
  });
});
