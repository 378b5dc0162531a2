/** What the public pages read: published comments oldest first, as the seed page listed them, and the canon list. */
import type { CanonEntry, NominationSummary } from '../../lib/shared/api';
import { loadCanonEntry } from '../books/entry';
import { listNominations } from '../books/nomination-summary';
import type { CanonDb } from '../db/connect';
import type { Voice } from '../people/voice';
import { commentsWithAuthor } from '../routes/comments';

/** More than any book has had; a longer list would need pages. */
const PAGE_COMMENTS_MAX = 500;

export type PageComment = {
  id: string;
  authorName: string;
  body: string;
  createdAt: number;
  spoiler: boolean;
  imported: boolean;
  /** Shown only to its author, until their address is confirmed. */
  waiting: boolean;
};

/** Published comments, and the viewer's own that still wait for their confirmation. */
export async function pageComments(db: CanonDb, bookId: string, viewer: Voice | null): Promise<PageComment[]> {
  const rows = await commentsWithAuthor(db)
    .select('c.imported')
    .where('c.book_id', '=', bookId)
    .where((eb) => {
      const published = eb('c.status', '=', 'published');
      if (viewer === null) return published;
      const own =
        viewer.personId === null
          ? eb('c.identity_id', '=', viewer.identityId)
          : eb.or([eb('c.identity_id', '=', viewer.identityId), eb('i.person_id', '=', viewer.personId)]);
      return eb.or([published, eb.and([own, eb('c.status', '=', 'waiting')])]);
    })
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(PAGE_COMMENTS_MAX)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    authorName: r.author_name,
    body: r.body,
    createdAt: Number(r.created_at),
    spoiler: r.spoiler === 1,
    imported: r.imported === 1,
    waiting: r.status === 'waiting',
  }));
}

export async function canonEntries(db: CanonDb): Promise<CanonEntry[]> {
  const books = await db.selectFrom('books').select('id').orderBy('title_key').orderBy('id').execute();
  const entries = await Promise.all(books.map((b) => loadCanonEntry(db, b.id)));
  return entries.filter((e): e is CanonEntry => e !== null);
}

export type PageNomination = NominationSummary & {
  /** Confirmed readers' reasons for seconding it, oldest first; the nominator's own reason is the nomination's. */
  seconds: { name: string; reason: string }[];
};

/** Open nominations, newest first, each with its seconders' reasons. */
export async function openNominations(db: CanonDb): Promise<PageNomination[]> {
  const nominations = await listNominations(db, 'open');
  if (nominations.length === 0) return [];
  const reasons = await db
    .selectFrom('nomination_supporters as s')
    .innerJoin('people as p', 'p.id', 's.owner_id')
    .innerJoin('nominations as n', 'n.id', 's.nomination_id')
    .innerJoin('identities as i', 'i.id', 'n.identity_id')
    .select(['s.nomination_id', 's.reason', 'p.name'])
    .where(
      's.nomination_id',
      'in',
      nominations.map((n) => n.id),
    )
    .where('s.reason', 'is not', null)
    // The nominator's own support row carries the nomination's reason; it is shown once, as the nomination's.
    .where((eb) => eb.or([eb('i.person_id', 'is', null), eb('i.person_id', '!=', eb.ref('s.owner_id'))]))
    .orderBy('s.created_at')
    .execute();
  return nominations.map((n) => ({
    ...n,
    seconds: reasons
      .filter((r) => r.nomination_id === n.id && r.reason !== null)
      .map((r) => ({ name: r.name, reason: r.reason ?? '' })),
  }));
}

export type RecentComment = { id: string; bookId: string; bookTitle: string; authorName: string; createdAt: number };

/** The newest published comments across the canon, for the front page. */
export async function recentComments(db: CanonDb, limit: number): Promise<RecentComment[]> {
  const rows = await commentsWithAuthor(db)
    .innerJoin('books as b', 'b.id', 'c.book_id')
    .select('b.title as book_title')
    .where('c.status', '=', 'published')
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    bookId: r.book_id,
    bookTitle: r.book_title,
    authorName: r.author_name,
    createdAt: Number(r.created_at),
  }));
}
