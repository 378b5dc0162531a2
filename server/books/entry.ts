/**
 * Builds a canon entry — the book with everything readers added — from the
 * database. Only confirmed readers count in figures, each once: a rating or
 * tag owned by a person (people/voice.ts). What identities still waiting for
 * their link added is reported as provisional counts, as on the original
 * canon pages.
 */
import { sql } from 'kysely';
import { RATING_VALUES, type CanonEntry, type TagCount } from '../../lib/shared/api';
import type { CanonDb } from '../db/connect';
import { summarizeNominations } from './nomination-summary';

/** 1 when the row's owner is a person (confirmed), 0 when it is an identity still waiting. */
const CONFIRMED = sql.raw('case when p.id is null then 0 else 1 end');

export async function loadCanonEntry(db: CanonDb, bookId: string): Promise<CanonEntry | null> {
  const book = await db.selectFrom('books').selectAll().where('id', '=', bookId).executeTakeFirst();
  if (book === undefined) return null;
  const [isbns, chapters, ratings, tags, links, comments, nominations] = await Promise.all([
    db.selectFrom('book_isbns').select(['isbn13', 'isbn10']).where('book_id', '=', bookId).orderBy('isbn13').execute(),
    db.selectFrom('chapters').select(['title', 'source']).where('book_id', '=', bookId).orderBy('position').execute(),
    db
      .selectFrom('ratings as r')
      .leftJoin('people as p', 'p.id', 'r.owner_id')
      .select(['r.half_stars', sql<number>`${CONFIRMED}`.as('confirmed'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('r.book_id', '=', bookId)
      .groupBy(['r.half_stars', CONFIRMED])
      .execute(),
    db
      .selectFrom('tags as t')
      .leftJoin('people as p', 'p.id', 't.owner_id')
      .select(['t.tag', sql<number>`${CONFIRMED}`.as('confirmed'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('t.book_id', '=', bookId)
      // A tag a moderator hid stays in readers' own sets but counts for no one.
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('hidden_tags as h')
              .select('h.tag')
              .whereRef('h.book_id', '=', 't.book_id')
              .whereRef('h.tag', '=', 't.tag'),
          ),
        ),
      )
      .groupBy(['t.tag', CONFIRMED])
      .execute(),
    db
      .selectFrom('review_links as l')
      .leftJoin('identities as i', 'i.id', 'l.identity_id')
      .select(['l.id', 'l.url', 'l.title', 'l.identity_id'])
      .where('l.book_id', '=', bookId)
      .where('l.hidden_at', 'is', null)
      .where((eb) => eb.or([eb('l.identity_id', 'is', null), eb('i.confirmed_at', 'is not', null)]))
      .orderBy('l.created_at')
      .orderBy('l.id')
      .execute(),
    db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('book_id', '=', bookId)
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('nominations')
      .selectAll()
      .where('book_id', '=', bookId)
      .orderBy('created_at', 'desc')
      .limit(1)
      .execute(),
  ]);

  const distribution: Record<string, number> = Object.fromEntries(RATING_VALUES.map((v) => [String(v), 0]));
  let count = 0;
  let sum = 0;
  let provisional = 0;
  for (const row of ratings) {
    const n = Number(row.n);
    if (Number(row.confirmed) === 1) {
      distribution[String(row.half_stars / 2)] = n;
      count += n;
      sum += n * row.half_stars;
    } else {
      provisional += n;
    }
  }

  const tagCounts = new Map<string, TagCount>();
  for (const row of tags) {
    const entry = tagCounts.get(row.tag) ?? { tag: row.tag, count: 0, provisionalCount: 0, provisional: true };
    if (Number(row.confirmed) === 1) entry.count += Number(row.n);
    else entry.provisionalCount += Number(row.n);
    entry.provisional = entry.count === 0;
    tagCounts.set(row.tag, entry);
  }

  const [nomination] = await summarizeNominations(db, nominations);
  return {
    id: book.id,
    title: book.title,
    subtitle: book.subtitle,
    authors: JSON.parse(book.authors) as string[],
    publisher: book.publisher,
    year: book.year,
    published: book.published,
    description: book.description,
    isbn13: isbns.map((i) => i.isbn13),
    isbn10: isbns.flatMap((i) => (i.isbn10 === null ? [] : [i.isbn10])),
    chapters: chapters.map((c) => ({ title: c.title, source: c.source })),
    rating: {
      // Two decimals: enough for display, stable across dialects' float formatting.
      average: count === 0 ? null : Math.round((sum / count / 2) * 100) / 100,
      count,
      distribution,
      provisional,
    },
    tags: [...tagCounts.values()].sort(
      (a, b) => b.count - a.count || b.provisionalCount - a.provisionalCount || a.tag.localeCompare(b.tag),
    ),
    links: links.map((l) => ({
      id: l.id,
      url: l.url,
      title: l.title,
      source: l.identity_id === null ? 'canon' : 'reader',
    })),
    commentCount: Number(comments.n),
    nomination: nomination ?? null,
  };
}
