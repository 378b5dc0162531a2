import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_MATCHES } from '../../lib/detect';
import { E2E_CANON_URL } from './canon';

// Audits both built manifests (`npm run test:e2e` builds Chrome and Firefox
// first) against the permissions Bookside has been reviewed for.
const OUTPUT = path.resolve(import.meta.dirname, '../../.output');
// The canon server's origin (this suite's build points at E2E_CANON_URL) and Open Library.
const REVIEWED_HOST_PERMISSIONS = [`${E2E_CANON_URL}/*`, 'https://openlibrary.org/*'];
const BROAD_PATTERNS = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*'];

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: unknown;
  content_scripts?: { matches: string[]; js: string[] }[];
  web_accessible_resources?: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[] } } };
  background?: { service_worker?: string; scripts?: string[] };
}

function manifestOf(target: string): Manifest {
  return JSON.parse(readFileSync(path.join(OUTPUT, target, 'manifest.json'), 'utf8')) as Manifest;
}

describe.each(['chrome-mv3', 'firefox-mv3'])('%s manifest', (target) => {
  const manifest = manifestOf(target);

  it('is Manifest V3', () => expect(manifest.manifest_version).toBe(3));

  it('asks for exactly the reviewed host permissions, nothing broad', () => {
    expect(manifest.host_permissions).toEqual(REVIEWED_HOST_PERMISSIONS);
    for (const pattern of [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])]) {
      expect(BROAD_PATTERNS).not.toContain(pattern);
    }
  });

  it('does not override the default content security policy', () => {
    expect(manifest.content_security_policy).toBeUndefined();
  });

  it('injects content scripts only on the supported sites', () => {
    const matches = (manifest.content_scripts ?? []).flatMap((script) => script.matches);
    expect(new Set(matches)).toEqual(new Set(CONTENT_SCRIPT_MATCHES));
    for (const pattern of matches) expect(BROAD_PATTERNS).not.toContain(pattern);
  });

  it('exposes only the sidebar page and the four scripts content scripts import on demand to web pages', () => {
    const resources = manifest.web_accessible_resources ?? [];
    // Detection's closer look (the book check, the generic signals and their page pass) and the
    // sidebar controls: imported by a content script only where it needs them
    // (lib/content/script-loader.ts), so they must be reachable from the page's origin.
    expect(resources.flatMap((entry) => entry.resources)).toEqual([
      'sidepanel.html',
      'content-scripts/book-check.js',
      'content-scripts/closer-look.js',
      'content-scripts/page-pass.js',
      'content-scripts/sidebar-controls.js',
    ]);
    for (const entry of resources) for (const pattern of entry.matches) expect(BROAD_PATTERNS).not.toContain(pattern);
    if (target === 'chrome-mv3') expect(resources.every((entry) => entry.use_dynamic_url === true)).toBe(true);
  });
});

describe('Firefox specifics', () => {
  const manifest = manifestOf('firefox-mv3');

  it('carries its add-on id and data-collection declaration', () => {
    const gecko = manifest.browser_specific_settings?.gecko;
    expect(gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(gecko?.data_collection_permissions?.required?.length).toBeGreaterThan(0);
  });

  it('runs the background as an event page, the same code as Chrome’s worker', () => {
    expect(manifest.background?.scripts).toEqual(['background.js']);
    expect(manifestOf('chrome-mv3').background?.service_worker).toBe('background.js');
  });
});
