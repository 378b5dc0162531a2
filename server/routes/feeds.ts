/**
 * Atom feeds of recently published comments, site-wide and per book. Reader
 * text goes out as XML-escaped `type="text"` content, never as HTML. Feed
 * readers cannot fold a spoiler, so a spoiler comment's text stays out of
 * the feed: its entry says only that it contains spoilers.
 */
import { Hono } from 'hono';
import { API_PREFIX } from '../../lib/shared/api';
import type { AppEnv, Deps } from '../deps';
import { bookIdParam } from '../http/path-ids';
import { FEED_ENTRIES } from '../limits';
import { notFound } from '../security/errors';

// Characters XML 1.0 cannot carry at all (stored text may hold some, e.g. U+FFFE).
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(text: string): string {
  return text
    .replace(XML_ILLEGAL, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export const SPOILER_PLACEHOLDER = 'This comment contains spoilers. Open the book in the canon to read it.';

type FeedComment = {
  id: string;
  body: string;
  spoiler: number;
  created_at: number;
  author_name: string;
  book_id: string;
  book_title: string;
};

function atom(
  feed: { id: string; title: string; self: string; updated: number },
  comments: FeedComment[],
  base: string,
): string {
  const entries = comments.map(
    (c) => `  <entry>
    <id>urn:uuid:${c.id}</id>
    <title type="text">${xmlText(`${c.author_name} on ${c.book_title}`)}</title>
    <updated>${new Date(c.created_at).toISOString()}</updated>
    <author><name>${xmlText(c.author_name)}</name></author>
    <link rel="alternate" type="text/html" href="${xmlText(`${base}/books/${encodeURIComponent(c.book_id)}#comment-${c.id}`)}"/>
    <link rel="related" type="application/json" href="${xmlText(`${base}${API_PREFIX}/books/${encodeURIComponent(c.book_id)}`)}"/>
    <content type="text">${xmlText(c.spoiler === 1 ? SPOILER_PLACEHOLDER : c.body)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xmlText(feed.id)}</id>
  <title type="text">${xmlText(feed.title)}</title>
  <updated>${new Date(feed.updated).toISOString()}</updated>
  <author><name>Bookside canon</name></author>
  <link rel="self" href="${xmlText(feed.self)}"/>
${entries.join('\n')}
</feed>
`;
}

export function feedRoutes(deps: Deps) {
  const { db, config } = deps;

  function recent(bookId: string | null) {
    let query = db
      .selectFrom('comments as c')
      .innerJoin('identities as i', 'i.id', 'c.identity_id')
      .leftJoin('people as p', 'p.id', 'i.person_id')
      .innerJoin('books as b', 'b.id', 'c.book_id')
      .select([
        'c.id',
        'c.body',
        'c.spoiler',
        'c.created_at',
        (eb) => eb.fn.coalesce('p.name', 'i.name').as('author_name'),
        'c.book_id',
        'b.title as book_title',
      ])
      .where('c.status', '=', 'published')
      .where('c.deleted_at', 'is', null);
    if (bookId !== null) query = query.where('c.book_id', '=', bookId);
    return query.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(FEED_ENTRIES).execute();
  }

  const headers = { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=60' };

  return new Hono<AppEnv>()
    .get('/feeds/comments.atom', async (c) => {
      const comments = await recent(null);
      const self = `${config.publicUrl}${API_PREFIX}/feeds/comments.atom`;
      const xml = atom(
        { id: self, title: 'Bookside canon: recent comments', self, updated: comments[0]?.created_at ?? 0 },
        comments,
        config.publicUrl,
      );
      return c.body(xml, 200, headers);
    })
    .get('/books/:id/comments.atom', async (c) => {
      const book = await db
        .selectFrom('books')
        .select(['id', 'title'])
        .where('id', '=', bookIdParam(c))
        .executeTakeFirst();
      if (book === undefined) throw notFound('Book');
      const comments = await recent(book.id);
      const self = `${config.publicUrl}${API_PREFIX}/books/${encodeURIComponent(book.id)}/comments.atom`;
      const xml = atom(
        { id: self, title: `Bookside canon: comments on ${book.title}`, self, updated: comments[0]?.created_at ?? 0 },
        comments,
        config.publicUrl,
      );
      return c.body(xml, 200, headers);
    });
}
