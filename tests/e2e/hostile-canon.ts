/**
 * Puts hostile text into every field the sidebar shows, one canon book per
 * string: the book's title, its author and its chapter go straight into the
 * server's database (no API sets them); the commenter's name, the comment,
 * the tag and a review link's title go through the real API from an identity
 * confirmed by its mailed link; a second review link whose address is the
 * string itself goes into the database (the API accepts only http(s)
 * addresses). A field the server would refuse for this string (too long,
 * control characters, only whitespace) gets a plain placeholder, and is not
 * counted as hostile.
 */
import { randomUUID } from 'node:crypto';
import { codePointLength, isAcceptableText, LIMITS, normalizeTag } from '../../lib/shared/api';
import { insertBook } from '../../server/db/seed';
import { call } from '../server/client';
import type { CanonServerHandle } from '../server/harness';

/** What the sidebar must show for one book; `null` where the string did not fit the field. */
export interface HostileBook {
  index: number;
  isbn13: string;
  pageUrl: string;
  title: string | null;
  author: string | null;
  chapter: string | null;
  commenter: string | null;
  comment: string | null;
  tag: string | null;
  linkTitle: string | null;
  linkAddress: string | null;
}

export const HOSTILE_FIELDS = [
  'title',
  'author',
  'chapter',
  'commenter',
  'comment',
  'tag',
  'linkTitle',
  'linkAddress',
] as const;
export type HostileField = (typeof HOSTILE_FIELDS)[number];

const fits = (text: string, max: number, multiline = false) =>
  isAcceptableText(text, multiline) && codePointLength(text) <= max;

/** ISBN-13s in a 979-8 block no real book of the bundled canon uses. */
export function hostileIsbn(index: number): string {
  const twelve = `97989${String(index).padStart(7, '0')}`;
  const sum = [...twelve].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${twelve}${(10 - (sum % 10)) % 10}`;
}

/** A bare Open Library edition page for the book: the adapter reads the ISBN from it. */
export function hostileBookPage(book: Pick<HostileBook, 'index' | 'isbn13'>): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Edition ${book.index}</title></head><body>
<h1 class="work-title">Edition ${book.index}</h1>
<div class="edition-identifiers"><dl><dt>ISBN 13</dt><dd itemprop="isbn">${book.isbn13}</dd></dl></div>
</body></html>`;
}

async function confirmedIdentity(canon: CanonServerHandle, name: string): Promise<string> {
  const email = `hostile.${randomUUID()}@example.org`;
  const reply = await call(canon.api, 'POST', '/identities', { body: { name, email } });
  if (reply.status !== 202) throw new Error(`register: ${reply.status} ${JSON.stringify(reply.body)}`);
  const mail = await canon.nextMail(email);
  if ((await fetch(mail.link ?? 'missing')).status !== 200) throw new Error('confirmation link refused');
  return reply.body.secret as string;
}

async function seedOne(canon: CanonServerHandle, text: string, index: number): Promise<HostileBook> {
  const isbn13 = hostileIsbn(index);
  const bookId = `hostile-${index}`;
  const title = fits(text, LIMITS.bookTitleMax) ? text : null;
  const author = fits(text, LIMITS.authorNameMax) ? text : null;
  const chapter = fits(text, LIMITS.bookTitleMax) ? text : null;
  await insertBook(
    canon.server.deps.db,
    {
      id: bookId,
      title: title ?? `Placeholder title ${index}`,
      subtitle: null,
      authors: [author ?? `Placeholder author ${index}`],
      publisher: null,
      year: null,
      isbn13: [isbn13],
      isbn10: [],
      chapters: [chapter ?? `Placeholder chapter ${index}`],
      sources: [],
    },
    Date.now(),
  );

  const commenter = fits(text, LIMITS.nameMax) ? text : null;
  const secret = await confirmedIdentity(canon, commenter ?? `Placeholder reader ${index}`);
  const comment = fits(text, LIMITS.commentMax, true) ? text : null;
  const posted = await call(canon.api, 'POST', `/books/${bookId}/comments`, {
    body: { body: comment ?? `Placeholder comment ${index}` },
    secret,
    key: randomUUID(),
  });
  if (posted.status !== 201) throw new Error(`comment ${index}: ${posted.status}`);

  // The server keeps tags in their normal form; a string that normalises to nothing or too long is refused.
  const tagged = await call(canon.api, 'PUT', `/books/${bookId}/tags`, { body: { tags: [text] }, secret });
  const tag = tagged.status === 200 ? ((tagged.body.tags as string[])[0] ?? null) : null;
  if (tag !== null && tag !== normalizeTag(text)) throw new Error(`tag ${index} stored as ${JSON.stringify(tag)}`);

  const linkTitle = fits(text, LIMITS.linkTitleMax) ? text : null;
  const linked = await call(canon.api, 'POST', `/books/${bookId}/links`, {
    body: { url: `https://example.org/review/${index}`, title: linkTitle ?? `Placeholder review ${index}` },
    secret,
  });
  if (linked.status !== 201) throw new Error(`link ${index}: ${linked.status}`);

  const linkAddress = fits(text, LIMITS.urlMax) ? text : null;
  if (linkAddress !== null) {
    // Created after the reader's link, so the order of links is known; title empty, so the address is what shows.
    await canon.server.deps.db
      .insertInto('review_links')
      .values({
        id: randomUUID(),
        book_id: bookId,
        identity_id: null,
        url: linkAddress,
        title: '',
        created_at: Date.now() + 1_000,
      })
      .execute();
  }

  return {
    index,
    isbn13,
    pageUrl: `https://openlibrary.org/books/OL${index + 1}M/hostile`,
    title,
    author,
    chapter,
    commenter,
    comment,
    tag,
    linkTitle,
    linkAddress,
  };
}

/** Seeds one book per string, a few at a time, and drops the server's lookup cache so reads see them. */
export async function seedHostileBooks(
  canon: CanonServerHandle,
  texts: readonly string[],
  concurrency = 8,
): Promise<HostileBook[]> {
  const books: HostileBook[] = new Array(texts.length);
  let next = 0;
  async function worker() {
    while (next < texts.length) {
      const index = next++;
      books[index] = await seedOne(canon, texts[index] ?? '', index);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  canon.server.deps.lookupCache.invalidate();
  return books;
}
