/** What the public pages read: published comments oldest first, as the seed page listed them, and the canon list. */
import type { CanonEntry } from '../../lib/shared/api';
import { loadCanonEntry } from '../books/entry';
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
