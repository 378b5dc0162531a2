/**
 * Cache keys, one function per kind. Server answers are scoped by the server's
 * origin (switching servers must not show another canon's data), and answers
 * that depend on who asks by the identity.
 */
export const cacheKeys = {
  /** Every cached canon answer from one server, for invalidation after a delivered write. */
  canonOfServer: (server: string) => `canon:${server}:`,
  /** An entry or nomination the canon index named, asked for by its id (canon/lookup). */
  canonByTarget: (server: string, target: string) => `canon:${server}:target:${target}`,
  /** A prefix query's bucket, under the index version and key it was hashed with. */
  indexBucket: (server: string, keyId: string, version: number, prefix: string) =>
    `index:${server}:${keyId}:${version}:${prefix}`,
  /** Every cached comment page from one server, for invalidation when this reader confirms. */
  commentsOfServer: (server: string) => `comments:${server}:`,
  /** All cached comment pages of one book, for invalidation after a post. */
  commentsOfBook: (server: string, bookId: string) => `comments:${server}:${bookId}:`,
  commentPage: (server: string, bookId: string, viewer: string, cursor: string | null) =>
    `comments:${server}:${bookId}:${viewer}:${cursor ?? ''}`,
  openLibraryChapters: (isbn13: string) => `chapters:openlibrary:${isbn13}`,
};
