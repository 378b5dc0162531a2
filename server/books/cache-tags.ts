/**
 * What a cached lookup answer depends on, and so what a write must name to
 * make it stale: invalidation is per book, not wholesale.
 * - `book:<id>`: the canon entry of that book (ratings, tags, links, comment
 *   count, its accepted nomination).
 * - `nominations`: answers for books not in the canon, which show open
 *   nominations and become entries when one is accepted.
 */
export { EVERYTHING } from '../db/change-feed';

export const bookTag = (bookId: string) => `book:${bookId}`;
export const NOMINATIONS_TAG = 'nominations';
