/**
 * Moderation decisions, shared by the admin API, the admin CLI and the
 * moderator's desk. Each is one write transaction that locks what it decides
 * on, logs who decided (moderation/log.ts), and names the cached answers it
 * changes so every process drops them.
 */
import { matchKey } from '../../lib/shared/api';
import { isbn13To10 } from '../../lib/shared/isbn';
import { bookTag, NOMINATIONS_TAG } from '../books/cache-tags';
import { lockComment } from '../comments/flags';
import { lockCatalogue } from '../db/catalogue-lock';
import type { CanonDb } from '../db/connect';
import type { CommentStatus } from '../db/tables';
import { editionRows, insertBook } from '../db/seed';
import { lockForUpdate, type Writer } from '../db/write';
import { blockWriterOf } from './blocking';
import { slugFor, type EntryFields } from './entry-form';
import { logDecision, opening, type Moderator } from './log';

export { slugFor };

export type CommentDecision = 'approve' | 'deny' | 'spam';
const DECISION_STATUS: Record<CommentDecision, CommentStatus> = { approve: 'published', deny: 'denied', spam: 'spam' };

export type QueuedComment = {
  id: string;
  bookId: string;
  bookTitle: string;
  authorName: string;
  body: string;
  status: CommentStatus;
  createdAt: string;
  flags: Record<string, number>;
};

/**
 * Comments waiting for their author's confirmation, comments hidden by flags,
 * and published comments someone flagged as spam or offensive, oldest first.
 */
export async function moderationQueue(db: CanonDb): Promise<QueuedComment[]> {
  const rows = await db
    .selectFrom('comments as c')
    .innerJoin('identities as i', 'i.id', 'c.identity_id')
    .innerJoin('books as b', 'b.id', 'c.book_id')
    .leftJoin('people as p', 'p.id', 'i.person_id')
    .select([
      'c.id',
      'c.book_id',
      'b.title',
      (eb) => eb.fn.coalesce('p.name', 'i.name').as('name'),
      'c.body',
      'c.status',
      'c.created_at',
    ])
    .where((eb) =>
      eb.or([
        eb('c.status', 'in', ['waiting', 'held']),
        eb.and([
          eb('c.status', '=', 'published'),
          eb.exists(
            eb
              .selectFrom('comment_flags as f')
              .select('f.comment_id')
              .whereRef('f.comment_id', '=', 'c.id')
              .where('f.reason', 'in', ['spam', 'offensive']),
          ),
        ]),
      ]),
    )
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  const flags =
    rows.length === 0
      ? []
      : await db
          .selectFrom('comment_flags')
          .select(['comment_id', 'reason', (eb) => eb.fn.countAll<number>().as('n')])
          .where(
            'comment_id',
            'in',
            rows.map((r) => r.id),
          )
          .groupBy(['comment_id', 'reason'])
          .execute();
  return rows.map((r) => ({
    id: r.id,
    bookId: r.book_id,
    bookTitle: r.title,
    authorName: r.name,
    body: r.body,
    status: r.status,
    createdAt: new Date(Number(r.created_at)).toISOString(),
    flags: Object.fromEntries(flags.filter((f) => f.comment_id === r.id).map((f) => [f.reason, Number(f.n)])),
  }));
}

/**
 * Returns false when there is no such comment. Spam also blocks the comment's
 * writer (moderation/blocking.ts).
 */
export async function decideComment(
  write: Writer,
  id: string,
  decision: CommentDecision,
  by: Moderator,
  now: number,
): Promise<boolean> {
  return write(async ({ trx, changed }) => {
    // Locked, so a flag counted at the same moment lands before or after the decision, not across it.
    const comment = await lockComment(trx, id);
    if (comment === undefined) return false;
    await trx.updateTable('comments').set({ status: DECISION_STATUS[decision] }).where('id', '=', id).execute();
    // An approved comment starts clean; old flags would hide it again at the next flag.
    if (decision === 'approve') await trx.deleteFrom('comment_flags').where('comment_id', '=', id).execute();
    if (decision === 'spam') await blockWriterOf(trx, comment, by, now);
    const body = await trx.selectFrom('comments').select('body').where('id', '=', id).executeTakeFirstOrThrow();
    await logDecision(trx, by, now, {
      action: `comment-${decision}`,
      subject: `comment:${id}`,
      detail: opening(body.body),
    });
    changed(bookTag(comment.book_id));
    return true;
  });
}

export type EntryRefusal =
  | { reason: 'not_found' | 'not_open' }
  | { reason: 'id_taken'; bookId: string }
  | { reason: 'isbn_taken'; isbn13: string; bookId: string };
export type AcceptOutcome = { ok: true; bookId: string } | ({ ok: false } & EntryRefusal);

/** An ISBN of these that another entry already has, or null. */
async function isbnOfAnother(trx: CanonDb, isbn13: string[], bookId: string | null) {
  if (isbn13.length === 0) return null;
  const row = await trx
    .selectFrom('book_isbns')
    .select(['isbn13', 'book_id'])
    .where('isbn13', 'in', isbn13)
    .$if(bookId !== null, (q) => q.where('book_id', '!=', bookId ?? ''))
    .executeTakeFirst();
  return row ?? null;
}

const yearOf = (published: string | null) => (published === null ? null : Number(published.slice(0, 4)));

/**
 * Makes an open nomination a canon entry: as nominated (the API and CLI,
 * `bookId` optional), or as the moderator edited it on the desk (`edited`).
 */
export async function acceptNomination(
  write: Writer,
  id: string,
  bookId: string | undefined,
  now: number,
  by: Moderator,
  edited?: EntryFields,
): Promise<AcceptOutcome> {
  return write(async ({ trx, changed }): Promise<AcceptOutcome> => {
    await lockCatalogue(trx);
    const nomination = await lockForUpdate(
      trx,
      trx.selectFrom('nominations').selectAll().where('id', '=', id),
    ).executeTakeFirst();
    if (nomination === undefined) return { ok: false, reason: 'not_found' };
    if (nomination.status !== 'open') return { ok: false, reason: 'not_open' };
    const isbn10 = nomination.isbn13 === null ? null : isbn13To10(nomination.isbn13);
    const entry: EntryFields = edited ?? {
      slug: bookId ?? slugFor(nomination.title),
      title: nomination.title,
      subtitle: null,
      authors: JSON.parse(nomination.authors) as string[],
      publisher: null,
      published: null,
      description: null,
      isbn13: nomination.isbn13 === null ? [] : [nomination.isbn13],
      isbn10: isbn10 === null ? [] : [isbn10],
      chapters: [],
    };
    const taken = await trx.selectFrom('books').select('id').where('id', '=', entry.slug).executeTakeFirst();
    if (taken !== undefined) return { ok: false, reason: 'id_taken', bookId: entry.slug };
    const clash = await isbnOfAnother(trx, entry.isbn13, null);
    if (clash !== null) return { ok: false, reason: 'isbn_taken', isbn13: clash.isbn13, bookId: clash.book_id };
    await insertBook(
      trx,
      {
        id: entry.slug,
        title: entry.title,
        subtitle: entry.subtitle,
        authors: entry.authors,
        publisher: entry.publisher,
        year: yearOf(entry.published),
        published: entry.published ?? undefined,
        description: entry.description ?? undefined,
        isbn13: entry.isbn13,
        isbn10: entry.isbn10,
        chapters: entry.chapters,
        sources: [],
      },
      now,
    );
    await trx
      .updateTable('nominations')
      .set({ status: 'accepted', book_id: entry.slug })
      .where('id', '=', id)
      .execute();
    await logDecision(trx, by, now, {
      action: 'nomination-accept',
      subject: `nomination:${id}`,
      detail: `as book:${entry.slug} “${opening(entry.title)}”`,
    });
    changed(NOMINATIONS_TAG, bookTag(entry.slug));
    return { ok: true, bookId: entry.slug };
  });
}

export async function declineNomination(write: Writer, id: string, by: Moderator, now: number): Promise<boolean> {
  return write(async ({ trx, changed }) => {
    const updated = await trx
      .updateTable('nominations')
      .set({ status: 'declined' })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .returning('title')
      .executeTakeFirst();
    if (updated === undefined) return false;
    await logDecision(trx, by, now, {
      action: 'nomination-decline',
      subject: `nomination:${id}`,
      detail: opening(updated.title),
    });
    changed(NOMINATIONS_TAG);
    return true;
  });
}

/** The editable part of an existing entry, as the desk's form shows it; null when there is none. */
export async function loadEntryFields(db: CanonDb, bookId: string): Promise<EntryFields | null> {
  const book = await db.selectFrom('books').selectAll().where('id', '=', bookId).executeTakeFirst();
  if (book === undefined) return null;
  const [isbns, chapters] = await Promise.all([
    db.selectFrom('book_isbns').select(['isbn13', 'isbn10']).where('book_id', '=', bookId).orderBy('isbn13').execute(),
    db.selectFrom('chapters').select('title').where('book_id', '=', bookId).orderBy('position').execute(),
  ]);
  return {
    slug: book.id,
    title: book.title,
    subtitle: book.subtitle,
    authors: JSON.parse(book.authors) as string[],
    publisher: book.publisher,
    published: book.published ?? (book.year === null ? null : String(book.year)),
    description: book.description,
    isbn13: isbns.map((i) => i.isbn13),
    isbn10: isbns.flatMap((i) => (i.isbn10 === null ? [] : [i.isbn10])),
    chapters: chapters.map((c) => c.title),
  };
}

export type EditOutcome = { ok: true } | ({ ok: false } & EntryRefusal);

/**
 * Replaces an entry's metadata, editions and chapters with the edited ones.
 * Its id (the slug in its address) stays: links to it must keep working.
 */
export async function updateEntry(
  write: Writer,
  bookId: string,
  entry: EntryFields,
  by: Moderator,
  now: number,
): Promise<EditOutcome> {
  return write(async ({ trx, changed }): Promise<EditOutcome> => {
    await lockCatalogue(trx);
    const book = await lockForUpdate(
      trx,
      trx.selectFrom('books').select('id').where('id', '=', bookId),
    ).executeTakeFirst();
    if (book === undefined) return { ok: false, reason: 'not_found' };
    const clash = await isbnOfAnother(trx, entry.isbn13, bookId);
    if (clash !== null) return { ok: false, reason: 'isbn_taken', isbn13: clash.isbn13, bookId: clash.book_id };
    await trx
      .updateTable('books')
      .set({
        title: entry.title,
        subtitle: entry.subtitle,
        authors: JSON.stringify(entry.authors),
        publisher: entry.publisher,
        year: yearOf(entry.published),
        published: entry.published,
        description: entry.description,
        title_key: matchKey(entry.title),
      })
      .where('id', '=', bookId)
      .execute();
    await trx.deleteFrom('book_isbns').where('book_id', '=', bookId).execute();
    const editions = editionRows({ id: bookId, isbn13: entry.isbn13, isbn10: entry.isbn10 });
    if (editions.length > 0) {
      await trx
        .insertInto('book_isbns')
        .values(editions.map((e) => ({ ...e, book_id: bookId })))
        .execute();
    }
    await trx.deleteFrom('chapters').where('book_id', '=', bookId).execute();
    if (entry.chapters.length > 0) {
      await trx
        .insertInto('chapters')
        .values(
          entry.chapters.map((title, position) => ({ book_id: bookId, position, title, source: 'canon' as const })),
        )
        .execute();
    }
    await logDecision(trx, by, now, { action: 'entry-edit', subject: `book:${bookId}`, detail: opening(entry.title) });
    // Answers for ISBNs that now belong to no entry were cached under the entry's tag; ISBNs new to
    // the canon were cached as "not in the canon", which the nominations tag covers.
    changed(bookTag(bookId), NOMINATIONS_TAG);
    return { ok: true };
  });
}

/** Hides a tag on a book for everyone; false when the book does not exist. */
export async function hideTag(write: Writer, bookId: string, tag: string, by: Moderator, now: number) {
  return write(async ({ trx, changed }) => {
    const book = await trx.selectFrom('books').select('id').where('id', '=', bookId).executeTakeFirst();
    if (book === undefined) return false;
    await trx
      .insertInto('hidden_tags')
      .values({ book_id: bookId, tag, hidden_by: by, hidden_at: now })
      .onConflict((oc) => oc.columns(['book_id', 'tag']).doNothing())
      .execute();
    await logDecision(trx, by, now, { action: 'tag-hide', subject: `book:${bookId}`, detail: opening(tag) });
    changed(bookTag(bookId));
    return true;
  });
}

/** Hides a review link (it is kept); false when the book has no such link. */
export async function hideReviewLink(write: Writer, bookId: string, linkId: string, by: Moderator, now: number) {
  return write(async ({ trx, changed }) => {
    const hidden = await trx
      .updateTable('review_links')
      .set({ hidden_at: now })
      .where('id', '=', linkId)
      .where('book_id', '=', bookId)
      .where('hidden_at', 'is', null)
      .returning('url')
      .executeTakeFirst();
    if (hidden === undefined) return false;
    await logDecision(trx, by, now, { action: 'link-hide', subject: `book:${bookId}`, detail: opening(hidden.url) });
    changed(bookTag(bookId));
    return true;
  });
}
