/** Canon lookups: by any ISBN, by title and author, in batches, and by entry id. */
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import {
  authorMatches,
  LIMITS,
  LookupBatchRequest,
  matchKey,
  type CanonEntry,
  type LookupAnswer,
  type NominationSummary,
} from '../../lib/shared/api';
import { normalizeIsbn } from '../../lib/shared/isbn';
import { bookTag, NOMINATIONS_TAG } from '../books/cache-tags';
import { loadCanonEntry } from '../books/entry';
import type { Loaded } from '../books/lookup-cache';
import { summarizeNominations } from '../books/nomination-summary';
import type { AppEnv, Deps } from '../deps';
import { readJson, readParam } from '../http/body';
import { bookIdParam } from '../http/path-ids';
import { ApiError, notFound } from '../security/errors';

const QueryText = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.lookupQueryMax));

export function lookupRoutes(deps: Deps) {
  const { db, lookupCache } = deps;

  /** Open or declined nominations whose nominator has confirmed; others are not public yet. */
  const confirmedNominations = () =>
    db
      .selectFrom('nominations as n')
      .innerJoin('identities as i', 'i.id', 'n.identity_id')
      .selectAll('n')
      .where('n.status', '!=', 'accepted')
      .where('i.confirmed_at', 'is not', null);

  /** An answer and what it depends on: an entry its book, anything else the nominations (cache-tags.ts). */
  const inCanon = (entry: CanonEntry): Loaded => ({
    value: { inCanon: true, entry } satisfies LookupAnswer,
    tags: [bookTag(entry.id)],
  });
  const notInCanon = (nomination: NominationSummary | undefined): Loaded => ({
    value: { inCanon: false, nomination: nomination ?? null } satisfies LookupAnswer,
    tags: [NOMINATIONS_TAG],
  });

  async function byIsbn(isbn13: string): Promise<Loaded> {
    const edition = await db.selectFrom('book_isbns').select('book_id').where('isbn13', '=', isbn13).executeTakeFirst();
    const entry = edition === undefined ? null : await loadCanonEntry(db, edition.book_id);
    if (entry !== null) return inCanon(entry);
    const rows = await confirmedNominations()
      .where('n.isbn13', '=', isbn13)
      .orderBy('n.created_at', 'desc')
      .limit(1)
      .execute();
    const [nomination] = await summarizeNominations(db, rows);
    return notInCanon(nomination);
  }

  async function byTitle(title: string, author: string): Promise<Loaded> {
    // Pages often show "Title: Subtitle" as one string; try the part before the colon too.
    const keys = [...new Set([matchKey(title), matchKey(title.split(':')[0] ?? '')])].filter((k) => k !== '');
    if (keys.length === 0) return notInCanon(undefined);
    const books = await db.selectFrom('books').select(['id', 'authors']).where('title_key', 'in', keys).execute();
    const book = books.find((b) => authorMatches(author, JSON.parse(b.authors) as string[]));
    const entry = book === undefined ? null : await loadCanonEntry(db, book.id);
    if (entry !== null) return inCanon(entry);
    const rows = await confirmedNominations()
      .where('n.title_key', 'in', keys)
      .orderBy('n.created_at', 'desc')
      .execute();
    const match = rows.find((r) => authorMatches(author, JSON.parse(r.authors) as string[]));
    const [nomination] = await summarizeNominations(db, match === undefined ? [] : [match]);
    return notInCanon(nomination);
  }

  const json = (c: Context, body: string) => c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });

  return new Hono<AppEnv>()
    .get('/books', async (c) => {
      const isbn = c.req.query('isbn');
      if (isbn !== undefined) {
        const isbn13 = normalizeIsbn(readParam(QueryText, isbn, 'isbn'));
        if (isbn13 === null) throw new ApiError(400, 'validation_failed', 'isbn: not a valid ISBN-10 or ISBN-13.');
        return json(c, await lookupCache.get(`isbn:${isbn13}`, () => byIsbn(isbn13)));
      }
      const title = c.req.query('title');
      const author = c.req.query('author');
      if (title === undefined || author === undefined) {
        throw new ApiError(400, 'bad_request', 'Look up by ?isbn= or by ?title=&author=.');
      }
      readParam(QueryText, title, 'title');
      readParam(QueryText, author, 'author');
      return json(
        c,
        await lookupCache.get(`title:${matchKey(title)}\u0000${matchKey(author)}`, () => byTitle(title, author)),
      );
    })
    .post('/books/lookup', async (c) => {
      const { value } = await readJson(c, LookupBatchRequest);
      const results: string[] = [];
      for (const isbn of value.isbns) {
        const isbn13 = normalizeIsbn(isbn);
        const answer = isbn13 === null ? 'null' : await lookupCache.get(`isbn:${isbn13}`, () => byIsbn(isbn13));
        results.push(`{"isbn":${JSON.stringify(isbn)},"answer":${answer}}`);
      }
      // Cached answers are already JSON; splice them instead of parsing and re-serialising.
      return json(c, `{"results":[${results.join(',')}]}`);
    })
    .get('/books/:id', async (c) => {
      const id = bookIdParam(c);
      // A missing entry depends on the nominations: accepting one creates it.
      const body = await lookupCache.get(`book:${id}`, async () => {
        const entry = await loadCanonEntry(db, id);
        return { value: entry, tags: entry === null ? [NOMINATIONS_TAG] : [bookTag(id)] };
      });
      if (body === 'null') throw notFound('Book');
      return json(c, body);
    });
}
