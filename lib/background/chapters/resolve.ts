/**
 * A book's chapter list from the best source that has one: the canon, then
 * the page's own catalogue record, then Open Library (cached, "none" too).
 * Open Library is asked only when the reader is looking (the sidebar opened
 * on the book, or the popup): a page view alone tells it nothing (issue 16).
 */
import type { CanonEntry } from '../../shared/api';
import { cacheGet, cachePut } from '../cache/cache';
import { cacheKeys } from '../cache/keys';
import { CACHE_FRESH_MS } from '../core/limits';
import type { FetchLike } from '../core/context';
import type { BooksideDb } from '../database/schema';
import type { BookRef, Chapter } from '../../shared/book-ref';
import type { ChapterList } from '../../shared/messages/views';
import { fetchOpenLibraryChapters } from './openlibrary';

export interface ChapterDeps {
  db: BooksideDb;
  fetch: FetchLike;
  now: () => number;
}

export async function resolveChapters(
  deps: ChapterDeps,
  book: BookRef,
  entry: CanonEntry | null,
  /** False on a page view: only what the cache already holds. */
  askOpenLibrary: boolean,
): Promise<ChapterList | null> {
  if (entry !== null && entry.chapters.length > 0) {
    return { source: 'canon', chapters: entry.chapters.map((c) => ({ level: 1, title: c.title })) };
  }
  if (book.chapters !== undefined && book.chapters.length > 0) return { source: 'page', chapters: book.chapters };
  const isbn13 = book.isbn13[0];
  if (isbn13 === undefined) return null;
  const chapters = await openLibraryChapters(deps, isbn13, askOpenLibrary);
  return chapters.length > 0 ? { source: 'openlibrary', chapters } : null;
}

async function openLibraryChapters(deps: ChapterDeps, isbn13: string, ask: boolean): Promise<Chapter[]> {
  const key = cacheKeys.openLibraryChapters(isbn13);
  const cached = await cacheGet<Chapter[]>(deps.db, key, deps.now());
  if (cached?.fresh === true || !ask) return cached?.value ?? [];
  const answer = await fetchOpenLibraryChapters(deps.fetch, isbn13);
  // Unreachable is not an answer: keep whatever was known and ask again next time.
  if (answer.kind === 'unreachable') return cached?.value ?? [];
  const chapters = answer.kind === 'found' ? answer.chapters : [];
  await cachePut(deps.db, key, chapters, {
    kind: 'chapters',
    freshMs: chapters.length > 0 ? CACHE_FRESH_MS.chapters : CACHE_FRESH_MS.noChapters,
    now: deps.now(),
  });
  return chapters;
}
