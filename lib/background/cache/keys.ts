/**
 * Cache keys, one function per kind. Server answers are scoped by the server's
 * origin (switching servers must not show another canon's data), and answers
 * that depend on who asks by the identity.
 */
import { matchKey } from '../../shared/api';

export const cacheKeys = {
  /** Every cached canon answer from one server, for invalidation after a delivered write. */
  canonOfServer: (server: string) => `canon:${server}:`,
  canonByIsbn: (server: string, isbn13: string) => `canon:${server}:isbn:${isbn13}`,
  canonByTitle: (server: string, title: string, author: string) =>
    `canon:${server}:title:${matchKey(title)}|${matchKey(author)}`,
  /** Every cached comment page from one server, for invalidation when this reader confirms. */
  commentsOfServer: (server: string) => `comments:${server}:`,
  /** All cached comment pages of one book, for invalidation after a post. */
  commentsOfBook: (server: string, bookId: string) => `comments:${server}:${bookId}:`,
  commentPage: (server: string, bookId: string, viewer: string, cursor: string | null) =>
    `comments:${server}:${bookId}:${viewer}:${cursor ?? ''}`,
  openLibraryChapters: (isbn13: string) => `chapters:openlibrary:${isbn13}`,
};
