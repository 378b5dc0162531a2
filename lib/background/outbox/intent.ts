/** From a reader's validated write to the canon request that carries it. */
import { matchKey } from '../../shared/api';
import { canonRoutes } from '../canon-client/routes';
import { normalizeIsbn } from '../../shared/isbn';
import type { WriteIntent } from '../../shared/messages/payloads';
import type { OutboxRow } from '../database/schema';

export function requestFor(intent: WriteIntent): OutboxRow['request'] {
  switch (intent.kind) {
    case 'comment':
      return post(canonRoutes.postComment(intent.bookId), { body: intent.body, spoiler: intent.spoiler });
    case 'rating':
      return { method: 'PUT', path: canonRoutes.rating(intent.bookId), body: JSON.stringify({ value: intent.value }) };
    case 'removeRating':
      return { method: 'DELETE', path: canonRoutes.rating(intent.bookId), body: null };
    case 'tags':
      return { method: 'PUT', path: canonRoutes.tags(intent.bookId), body: JSON.stringify({ tags: intent.tags }) };
    case 'link':
      return post(canonRoutes.links(intent.bookId), { url: intent.url, title: intent.title });
    case 'flag':
      return post(canonRoutes.flagComment(intent.commentId), { reason: intent.reason });
    case 'editComment':
      return {
        method: 'PATCH',
        path: canonRoutes.comment(intent.commentId),
        body: JSON.stringify({ body: intent.body, spoiler: intent.spoiler }),
      };
    case 'deleteComment':
      return { method: 'DELETE', path: canonRoutes.comment(intent.commentId), body: null };
    case 'nomination': {
      const { kind: _, ...body } = intent;
      return post(canonRoutes.nominations(), body);
    }
    case 'second':
      return post(
        canonRoutes.secondNomination(intent.nominationId),
        intent.reason === undefined ? {} : { reason: intent.reason },
      );
  }
}

function post(path: string, body: object): OutboxRow['request'] {
  return { method: 'POST', path, body: JSON.stringify(body) };
}

/** Writes sharing this key reach the server in the order they were made. */
export function orderKeyFor(intent: WriteIntent): string {
  switch (intent.kind) {
    case 'nomination':
      return `nomination:${(intent.isbn === undefined ? null : normalizeIsbn(intent.isbn)) ?? matchKey(intent.title)}`;
    case 'second':
      return `nomination:${intent.nominationId}`;
    default:
      return `book:${intent.bookId}`;
  }
}

/**
 * The reader's one value on the server that a write sets whole (their rating,
 * their tag set for a book, what one of their comments says or whether it is
 * there at all), or null for writes that add something. A
 * newer write to the same slot makes an unsent older one pointless, so the
 * outbox keeps only the newer (issue 15: one entry per pending rating).
 */
export function replaceableSlot(intent: WriteIntent): string | null {
  switch (intent.kind) {
    case 'rating':
    case 'removeRating':
      return `rating:${intent.bookId}`;
    case 'tags':
      return `tags:${intent.bookId}`;
    // An edit not yet sent is pointless once a newer edit, or the deletion, follows it.
    case 'editComment':
    case 'deleteComment':
      return `comment:${intent.commentId}`;
    default:
      return null;
  }
}
