/** The saved-page fixture manifest (tests/fixtures/pages/MANIFEST.json) and its entries. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSavedPage } from './saved-page';

export const FIXTURE_DIR = join(import.meta.dirname, '..', 'tests', 'fixtures', 'pages');

export interface ExpectedBook {
  isbn13: string[];
  isbn10: string[];
  title: string;
  authors: string[];
  asin?: string;
  oclc?: string;
}

export interface FixtureEntry {
  file: string;
  site: string;
  page_type: string;
  original_url: string | null;
  expected: ExpectedBook | null;
  notes?: string;
  encoding?: string;
  /** Written by hand to reproduce a site's documented markup (no real saved page yet). */
  synthetic?: boolean;
  /** The adapter the page is for, when `site` does not say it. */
  adapter?: string;
  /** `python-bytes-repr`: the file is the Python repr of the page bytes. */
  stored_as?: string;
}

/** Pages saved without a known URL are detected at this neutral address (no host adapter claims it). */
export const UNKNOWN_URL = 'https://saved-page.invalid/';

export function loadManifest(): FixtureEntry[] {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, 'MANIFEST.json'), 'utf8')) as FixtureEntry[];
}

export function fixtureUrl(entry: FixtureEntry): string {
  return entry.original_url ?? UNKNOWN_URL;
}

export function fixtureHtml(entry: FixtureEntry): string {
  return readSavedPage(join(FIXTURE_DIR, entry.file), entry.stored_as);
}

/** The adapter a fixture belongs to: its `adapter` field, else its folder (`library-vufind/…` → `vufind`). */
export function fixtureAdapterId(entry: FixtureEntry): string {
  return entry.adapter ?? (entry.file.split('/')[0] ?? '').replace(/^library-/, '');
}
