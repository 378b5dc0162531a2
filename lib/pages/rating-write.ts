/** The popup's and the sidebar's one way to set or remove the reader's rating of a book. */
import type { RatingValue } from '../shared/api/limits';
import { callBackground } from './channel';

/** `null` removes the rating; `bookTitle` names the book in the outbox's list. */
export function sendRating(bookId: string, value: RatingValue | null, bookTitle?: string) {
  return value === null
    ? callBackground('removeRating', { bookId, bookTitle })
    : callBackground('setRating', { bookId, value, bookTitle });
}
