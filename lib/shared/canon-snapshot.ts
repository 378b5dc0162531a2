/**
 * The canon snapshot shipped inside the extension (built from the repo's
 * canon data at build time) so canon status and chapters show with no server.
 */
import * as v from 'valibot';
import { DEFAULT_CANON_DESCRIPTION, DEFAULT_CANON_NAME, matchKey, PublishedDate, type CanonEntry } from './api';

/** One book as the canon data files hold it. */
export const CanonDataBook = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  title: v.string(),
  subtitle: v.optional(v.nullable(v.string()), null),
  authors: v.array(v.string()),
  publisher: v.optional(v.nullable(v.string()), null),
  year: v.optional(v.nullable(v.number()), null),
  published: v.optional(v.nullable(PublishedDate), null),
  description: v.optional(v.nullable(v.string()), null),
  isbn13: v.array(v.string()),
  isbn10: v.optional(v.array(v.string()), []),
  chapters: v.optional(v.array(v.string()), []),
});

export const CanonSnapshotFile = v.object({
  /** Changes whenever the data does; the background reloads its copy when it differs. */
  version: v.string(),
  books: v.array(CanonDataBook),
  /** The canon's name and description as the build was configured (CANON_NAME, CANON_DESCRIPTION). */
  canon: v.optional(v.object({ name: v.string(), description: v.string() }), {
    name: DEFAULT_CANON_NAME,
    description: DEFAULT_CANON_DESCRIPTION,
  }),
});

export type CanonDataBook = v.InferOutput<typeof CanonDataBook>;
export type CanonSnapshotFile = v.InferOutput<typeof CanonSnapshotFile>;

/** A snapshot book as stored in IndexedDB, with its title match key indexed. */
export type CanonSnapshotBook = CanonDataBook & { titleKey: string };

/** The canon's name in a snapshot file, or null when the file is not one. */
export function canonNameOf(file: unknown): string | null {
  const parsed = v.safeParse(CanonSnapshotFile, file);
  return parsed.success ? parsed.output.canon.name : null;
}

export function toSnapshotBook(book: CanonDataBook): CanonSnapshotBook {
  return { ...book, titleKey: matchKey(book.title) };
}

/**
 * The snapshot's knowledge as a canon entry. It knows the book and its
 * chapters, not what readers did since: no ratings, tags, links or comments.
 */
export function snapshotEntry(book: CanonDataBook): CanonEntry {
  return {
    id: book.id,
    title: book.title,
    subtitle: book.subtitle ?? null,
    authors: book.authors,
    publisher: book.publisher ?? null,
    year: book.year ?? null,
    published: book.published ?? (book.year == null ? null : String(book.year)),
    description: book.description ?? null,
    isbn13: book.isbn13,
    isbn10: book.isbn10 ?? [],
    chapters: (book.chapters ?? []).map((title) => ({ title, source: 'canon' as const })),
    rating: { average: null, count: 0, distribution: {}, provisional: 0 },
    tags: [],
    links: [],
    commentCount: 0,
    nomination: null,
  };
}

/** The packaged file's name, written by the build (wxt.config.ts) and read by the background. */
export const CANON_SNAPSHOT_FILE = 'canon-snapshot.json';
