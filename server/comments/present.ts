/** Comment rows as the API shows them: a name and the text, never an address. */
import type { Comment } from '../../lib/shared/api';
import type { CommentStatus } from '../db/tables';
import type { Voice } from '../people/voice';

export type CommentRow = {
  id: string;
  book_id: string;
  identity_id: string;
  /** The person the writing identity is joined to, if it is. */
  author_person_id: string | null;
  body: string;
  status: CommentStatus;
  spoiler: number;
  created_at: number;
  /** When its author last edited it, if ever. */
  edited_at: number | null;
  author_name: string;
};

/** `mine` for every comment of the viewer's person, from whichever of their browsers. */
export function presentComment(row: CommentRow, viewer: Pick<Voice, 'identityId' | 'personId'> | null): Comment {
  const status = row.status === 'waiting' || row.status === 'held' ? row.status : 'published';
  return {
    id: row.id,
    bookId: row.book_id,
    authorName: row.author_name,
    body: row.body,
    createdAt: new Date(row.created_at).toISOString(),
    spoiler: row.spoiler === 1,
    status,
    mine:
      viewer !== null &&
      (row.identity_id === viewer.identityId || (viewer.personId !== null && row.author_person_id === viewer.personId)),
    editedAt: row.edited_at === null ? null : new Date(Number(row.edited_at)).toISOString(),
  };
}

/** Cursors are opaque to clients: the (time, id) of the last comment of a page. */
export function encodeCursor(row: { created_at: number; id: string }): string {
  return Buffer.from(`${row.created_at}:${row.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: number; id: string } | null {
  const match = /^(\d{1,15}):([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (match === null) return null;
  return { createdAt: Number(match[1]), id: match[2] ?? '' };
}
