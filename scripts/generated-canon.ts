/**
 * A large canon made up for measurement: `n` books with one or two valid
 * ISBN-13s each (979-8 range, which no fixture page uses), a title and one or
 * two authors, written straight into a canon database in batches. Used by
 * the canon index's server test and by `npm run bench:index`; never shown
 * to readers.
 */
import { matchKey } from '../lib/shared/api';
import { isbn13CheckDigit } from '../lib/shared/isbn/checksum';
import type { CanonDb } from '../server/db/connect';

const WORDS = (
  'service design people systems public change future city work play learn make shape story data civic ' +
  'craft open shared common voice power care trust place time space tools method field journey'
).split(' ');
const SURNAMES = 'Okafor Lindqvist Moreau Tanaka Haddad Novak Ferreira Quispe Kowalski Nakamura Abara Silva'.split(' ');
const GIVEN = 'Ada Bea Chidi Dana Emil Farah Goran Hana Iker Jun Kemal Lena'.split(' ');

export type GeneratedBook = { id: string; title: string; authors: string[]; isbn13: string[] };

/** A deterministic pseudo-random sequence, so every run generates the same canon. */
function sequence(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

export function generatedIsbn(i: number): string {
  const first12 = `9798${String(i).padStart(8, '0')}`;
  return first12 + isbn13CheckDigit(first12);
}

export function generateCanon(n: number, seed = 16): GeneratedBook[] {
  const random = sequence(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)] as T;
  const books: GeneratedBook[] = [];
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(WORDS));
    const title = `${words.join(' ')} ${i}`.replace(/^./, (c) => c.toUpperCase());
    const authors = Array.from({ length: random() < 0.3 ? 2 : 1 }, () => `${pick(GIVEN)} ${pick(SURNAMES)}`);
    const isbn13 = random() < 0.4 ? [generatedIsbn(2 * i), generatedIsbn(2 * i + 1)] : [generatedIsbn(2 * i)];
    books.push({ id: `gen-${i}`, title, authors, isbn13 });
  }
  return books;
}

const BATCH = 500;

/** Inserts the books (entry and editions only: no chapters, links or comments). */
export async function insertGeneratedCanon(db: CanonDb, books: GeneratedBook[], now: number): Promise<void> {
  for (let start = 0; start < books.length; start += BATCH) {
    const batch = books.slice(start, start + BATCH);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('books')
        .values(
          batch.map((b) => ({
            id: b.id,
            title: b.title,
            subtitle: null,
            authors: JSON.stringify(b.authors),
            publisher: null,
            year: null,
            published: null,
            description: null,
            title_key: matchKey(b.title),
            created_at: now,
          })),
        )
        .execute();
      await trx
        .insertInto('book_isbns')
        .values(batch.flatMap((b) => b.isbn13.map((isbn13) => ({ isbn13, book_id: b.id, isbn10: null }))))
        .execute();
    });
  }
}
