/**
 * The canon snapshot packaged with the extension, built from the repo's canon
 * data (server/seed/canon-books.json) by the WXT build hook in wxt.config.ts.
 * Validated here so a broken data file fails the build, not the reader's browser.
 * `tsx scripts/canon-snapshot.ts` prints it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { DEFAULT_CANON_DESCRIPTION, DEFAULT_CANON_NAME } from '../lib/shared/api';
import { CanonDataBook, type CanonSnapshotFile } from '../lib/shared/canon-snapshot';
import { sourceUrl } from '../server/db/seed';

const CANON_DATA = fileURLToPath(new URL('../server/seed/canon-books.json', import.meta.url));
const SNAPSHOT_FIELDS = [
  'id',
  'title',
  'subtitle',
  'authors',
  'publisher',
  'year',
  'published',
  'description',
  'isbn13',
  'isbn10',
  'chapters',
  'sources',
] as const;

/** The same settings the server reads, so a build for a community says its canon's name. */
function canonFromEnv(env: Record<string, string | undefined>): CanonSnapshotFile['canon'] {
  return {
    name: env.CANON_NAME?.trim() || DEFAULT_CANON_NAME,
    description: env.CANON_DESCRIPTION?.trim() || DEFAULT_CANON_DESCRIPTION,
  };
}

export function buildCanonSnapshot(path = CANON_DATA, env = process.env): CanonSnapshotFile {
  const text = readFileSync(path, 'utf8');
  const raw = JSON.parse(text) as { sources?: string[] }[];
  // Sources as the server seeds them: `owner/repo:path` references become their GitHub addresses.
  const withUrls = raw.map((book) => ({ ...book, sources: (book.sources ?? []).map(sourceUrl) }));
  const books = v.parse(v.array(CanonDataBook), withUrls);
  // Only what the extension shows; the data file's source notes stay out of the package.
  const trimmed = books.map((book) =>
    Object.fromEntries(SNAPSHOT_FIELDS.map((field) => [field, book[field]])),
  ) as CanonDataBook[];
  const canon = canonFromEnv(env);
  const version = createHash('sha256').update(JSON.stringify({ trimmed, canon })).digest('hex').slice(0, 16);
  return { version, books: trimmed, canon };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(buildCanonSnapshot(), null, 2)}\n`);
}
