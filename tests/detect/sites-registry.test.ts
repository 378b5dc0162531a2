import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_MATCHES } from '../../lib/detect';
import { SITE_ADAPTERS } from '../../lib/detect/sites';
import type { SiteAdapter } from '../../lib/detect/base/types';
import { fixtureAdapterId, loadManifest } from '../../scripts/fixture-manifest';

const SITES_DIR = join(import.meta.dirname, '..', '..', 'lib', 'detect', 'sites');
const siteFiles = readdirSync(SITES_DIR).filter((file) => file.endsWith('.ts') && file !== 'index.ts');
const manifest = loadManifest();

function isSiteAdapter(value: unknown): value is SiteAdapter {
  return typeof value === 'object' && value !== null && 'id' in value && 'detect' in value && 'test' in value;
}

/** Each site file with the adapter it exports. */
const exported = await Promise.all(
  siteFiles.map(async (file) => {
    const module: Record<string, unknown> = await import(join(SITES_DIR, file));
    return { file, adapters: Object.values(module).filter(isSiteAdapter) };
  }),
);

describe.each(exported)('lib/detect/sites/$file', ({ file, adapters }) => {
  const source = readFileSync(join(SITES_DIR, file), 'utf8');
  const adapter = adapters[0];

  it('exports exactly one SiteAdapter, registered in SITE_ADAPTERS', () => {
    expect(adapters).toHaveLength(1);
    expect(SITE_ADAPTERS).toContain(adapter);
  });

  it('keeps its selectors in one block at the top and names the pages it was tested on at the bottom', () => {
    expect(source).toMatch(/^const SELECTORS = \{/m);
    expect(source).toMatch(/export const \w+: SiteAdapter = \{[\s\S]*\n\/\/ .+\n?$/);
  });

  it('has at least one positive and one negative fixture', () => {
    const entries = manifest.filter((entry) => fixtureAdapterId(entry) === adapter?.id);
    expect(
      entries.filter((entry) => entry.expected !== null).length,
      `positive fixture for ${adapter?.id}`,
    ).toBeGreaterThan(0);
    expect(
      entries.filter((entry) => entry.expected === null).length,
      `negative fixture for ${adapter?.id}`,
    ).toBeGreaterThan(0);
  });
});

describe('SITE_ADAPTERS', () => {
  it('has distinct ids and one entry per site file', () => {
    const ids = SITE_ADAPTERS.map((adapter) => adapter.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(SITE_ADAPTERS.length).toBe(siteFiles.length);
  });

  it('gives the content script the union of every adapter’s match patterns, deduplicated', () => {
    const all = SITE_ADAPTERS.flatMap((adapter) => adapter.matches);
    expect(new Set(CONTENT_SCRIPT_MATCHES)).toEqual(new Set(all));
    expect(CONTENT_SCRIPT_MATCHES.length).toBe(new Set(all).size);
    for (const pattern of CONTENT_SCRIPT_MATCHES) expect(pattern).toMatch(/^(\*|https?):\/\/[^/]+\/.*$/);
  });
});
