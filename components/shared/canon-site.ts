/** The canon's own web pages, which the sidebar and popup link to. */
/** Where the canon lives on the web (from the settings), for links to a book's page and a comment's permalink. */
export interface CanonSite {
  serverUrl: string;
  canonName: string;
}

/** `{server}/books/{id}`, and `#comment-{id}` for one comment: the canon's own pages. */
export function canonPageUrl(site: CanonSite, bookId: string, commentId?: string): string {
  const page = `${site.serverUrl}/books/${encodeURIComponent(bookId)}`;
  return commentId === undefined ? page : `${page}#comment-${encodeURIComponent(commentId)}`;
}
