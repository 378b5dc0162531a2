/**
 * The reader's own rating and tags as they will be once the outbox has sent
 * what it holds. Without this a rating set a moment ago would jump back to
 * the server's older value each time a page reloads before delivery.
 */
import type { MyBookState } from '../../shared/api';
import type { OutboxRow } from '../database/schema';

export function mineWithPending(
  mine: MyBookState | null,
  bookId: string,
  rows: readonly OutboxRow[],
): MyBookState | null {
  let state = mine;
  for (const row of rows) {
    if (row.state === 'failed' || !('bookId' in row.intent) || row.intent.bookId !== bookId) continue;
    const base: MyBookState = state ?? { bookId, rating: null, tags: [], provisional: true };
    const { intent } = row;
    if (intent.kind === 'rating') state = { ...base, rating: intent.value };
    else if (intent.kind === 'removeRating') state = { ...base, rating: null };
    else if (intent.kind === 'tags') state = { ...base, tags: intent.tags };
  }
  return state;
}
