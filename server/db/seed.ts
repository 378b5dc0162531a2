/**
 * Fills an empty database with the canon the repository carries
 * (`server/seed/canon-books.json`). Runs on every start and does nothing once
 * books exist, so a running community's data is never overwritten. It runs
 * inside the start-up lock of db/prepare.ts, so of several processes starting
 * at once exactly one seeds.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { matchKey, PublishedDate, publishedYear } from '../../lib/shared/api';
import { normalizeIsbn } from '../../lib/shared/isbn';
import type { CanonDb } from './connect';

const SEED_FILE = new URL('../seed/canon-books.json', import.meta.url);

/** The web address of a source: URLs as they are, `owner/repo:path` as the file on GitHub. */
export function sourceUrl(source: string): string {
  const github = /^([\w.-]+\/[\w.-]+):(.+)$/.exec(source);
  return github === null ? source : `https://github.com/${github[1]}/blob/HEAD/${github[2]}`;
}

/** A comment carried over from the original canon site: its author's name and time as that page showed them. */
const HistoricComment = v.object({
  author: v.pipe(v.string(), v.minLength(1)),
  at: v.pipe(v.string(), v.isoTimestamp()),
  body: v.pipe(v.string(), v.minLength(1)),
});
export type HistoricComment = v.InferOutput<typeof HistoricComment>;

const SeedBook = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  title: v.string(),
  subtitle: v.nullable(v.string()),
  authors: v.array(v.string()),
  publisher: v.nullable(v.string()),
  year: v.nullable(v.number()),
  /** More precise than `year` where the source is ("2009-07"); its year must be `year`. */
  published: v.optional(PublishedDate),
  description: v.optional(v.string()),
  comments: v.optional(v.array(HistoricComment), []),
  isbn13: v.array(v.string()),
  isbn10: v.array(v.string()),
  chapters: v.array(v.string()),
  // Mostly web addresses; a few are GitHub file references written `owner/repo:path`.
  sources: v.array(v.pipe(v.string(), v.transform(sourceUrl), v.url())),
});
export type SeedBook = v.InferOutput<typeof SeedBook>;

export function readSeedBooks(file: URL | string = SEED_FILE): SeedBook[] {
  const books = v.parse(v.array(SeedBook), JSON.parse(readFileSync(file, 'utf8')));
  for (const book of books) {
    if (book.published !== undefined && publishedYear(book.published) !== book.year) {
      throw new Error(`seed book ${book.id}: published ${book.published} is not in year ${book.year}`);
    }
  }
  return books;
}

/** The publication date a seed book is stored with: its own, or its year. */
export function seedPublished(book: Pick<SeedBook, 'published' | 'year'>): string | null {
  return book.published ?? (book.year === null ? null : String(book.year));
}

/** One edition row per distinct ISBN-13, with the ISBN-10 it came from when there is one. */
export function editionRows(
  book: Pick<SeedBook, 'id' | 'isbn13' | 'isbn10'>,
): { isbn13: string; isbn10: string | null }[] {
  const rows = new Map<string, string | null>();
  for (const raw of book.isbn13) {
    const isbn13 = normalizeIsbn(raw);
    if (isbn13 === null) throw new Error(`seed book ${book.id}: invalid ISBN-13 ${raw}`);
    if (!rows.has(isbn13)) rows.set(isbn13, null);
  }
  for (const raw of book.isbn10) {
    const isbn13 = normalizeIsbn(raw);
    if (isbn13 === null) throw new Error(`seed book ${book.id}: invalid ISBN-10 ${raw}`);
    rows.set(isbn13, raw.toUpperCase());
  }
  return [...rows].map(([isbn13, isbn10]) => ({ isbn13, isbn10 }));
}

/** Call inside a transaction: the count and the inserts must see the same database. */
export async function seedIfEmpty(trx: CanonDb, books: SeedBook[], now: number): Promise<number> {
  const existing = await trx
    .selectFrom('books')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return 0;
  for (const book of books) await insertBook(trx, book, now);
  return books.length;
}

/** Historic comments are optional: books added here (an accepted nomination) have none. */
export type NewBook = Omit<SeedBook, 'comments'> & { comments?: HistoricComment[] };

export async function insertBook(db: CanonDb, book: NewBook, now: number): Promise<void> {
  await db
    .insertInto('books')
    .values({
      id: book.id,
      title: book.title,
      subtitle: book.subtitle,
      authors: JSON.stringify(book.authors),
      publisher: book.publisher,
      year: book.year,
      published: seedPublished(book),
      description: book.description ?? null,
      title_key: matchKey(book.title),
      created_at: now,
    })
    .execute();
  const editions = editionRows(book);
  if (editions.length > 0) {
    await db
      .insertInto('book_isbns')
      .values(editions.map((e) => ({ ...e, book_id: book.id })))
      .execute();
  }
  if (book.chapters.length > 0) {
    await db
      .insertInto('chapters')
      .values(book.chapters.map((title, position) => ({ book_id: book.id, position, title, source: 'canon' as const })))
      .execute();
  }
  for (const comment of book.comments ?? []) await importComment(db, book.id, comment, now);
  // Sources were gathered by the canon's curators, so they count as confirmed links.
  // Created a millisecond apart so the links keep the order the curators gave them.
  for (const [position, url] of [...new Set(book.sources)].entries()) {
    await db
      .insertInto('review_links')
      .values({
        id: randomUUID(),
        book_id: book.id,
        identity_id: null,
        url,
        title: new URL(url).hostname.replace(/^www\./, ''),
        created_at: now + position,
      })
      .execute();
  }
}

/**
 * A historic comment, published as the original site had it. Its author gets
 * an identity of their own that no browser can use: no address (so no mail
 * and no person), a secret hash no secret hashes to, already revoked.
 */
export async function importComment(db: CanonDb, bookId: string, comment: HistoricComment, now: number): Promise<void> {
  const identityId = randomUUID();
  await db
    .insertInto('identities')
    .values({
      id: identityId,
      name: comment.author,
      email: '',
      email_canonical: '',
      secret_hash: `imported:${identityId}`,
      confirmed_at: null,
      person_id: null,
      revoked_at: now,
      created_at: now,
      language: null,
    })
    .execute();
  await db
    .insertInto('comments')
    .values({
      id: randomUUID(),
      book_id: bookId,
      identity_id: identityId,
      body: comment.body,
      status: 'published',
      spoiler: 0,
      created_at: Date.parse(comment.at),
      imported: 1,
    })
    .execute();
}
