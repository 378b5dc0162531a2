/**
 * Every canon API path the extension uses, built from validated ids only
 * (each segment is encoded), so no caller can steer a request elsewhere.
 * tests/unit/api-routes.test.ts checks each against the server's route list.
 */
const seg = encodeURIComponent;

export const canonRoutes = {
  canon: () => '/canon',
  lookupByIsbn: (isbn13: string) => `/books?isbn=${seg(isbn13)}`,
  lookupByTitle: (title: string, author: string) => `/books?title=${seg(title)}&author=${seg(author)}`,
  comments: (bookId: string, cursor: string | null) =>
    `/books/${seg(bookId)}/comments${cursor === null ? '' : `?cursor=${seg(cursor)}`}`,
  postComment: (bookId: string) => `/books/${seg(bookId)}/comments`,
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
