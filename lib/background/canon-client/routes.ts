/**
 * Every canon API path the extension uses, built from validated ids only
 * (each segment is encoded), so no caller can steer a request elsewhere.
 * tests/unit/api-routes.test.ts checks each against the server's route list.
 */
const seg = encodeURIComponent;

export const canonRoutes = {
  canon: () => '/canon',
  /** The canon index; with `since`, the changes since that version. */
  canonIndex: (since: number | null) => `/canon-index${since === null ? '' : `?since=${since}`}`,
  canonIndexRange: (prefix: string) => `/canon-index/range/${seg(prefix)}`,
  bookById: (bookId: string) => `/books/${seg(bookId)}`,
  nominationById: (nominationId: string) => `/nominations/${seg(nominationId)}`,
  comments: (bookId: string, cursor: string | null) =>
    `/books/${seg(bookId)}/comments${cursor === null ? '' : `?cursor=${seg(cursor)}`}`,
  postComment: (bookId: string) => `/books/${seg(bookId)}/comments`,
  /** One comment: its author edits (PATCH) or deletes (DELETE) it. */
  comment: (commentId: string) => `/comments/${seg(commentId)}`,
  flagComment: (commentId: string) => `/comments/${seg(commentId)}/flags`,
  mine: (bookId: string) => `/books/${seg(bookId)}/mine`,
  rating: (bookId: string) => `/books/${seg(bookId)}/rating`,
  tags: (bookId: string) => `/books/${seg(bookId)}/tags`,
  links: (bookId: string) => `/books/${seg(bookId)}/links`,
  nominations: () => '/nominations',
  secondNomination: (nominationId: string) => `/nominations/${seg(nominationId)}/seconds`,
  myNomination: (nominationId: string) => `/nominations/${seg(nominationId)}/mine`,
  identities: () => '/identities',
  identityMe: () => '/identities/me',
  resendConfirmation: () => '/identities/me/resend',
};
