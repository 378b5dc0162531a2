/**
 * The canon index: what the canon knows, as match keys, so a browser can
 * decide on its own whether a page's book is in the canon (or nominated) and
 * ask the server only about books it knows. Shared by the server that builds
 * it and the background that keeps it (issue 16).
 *
 * A match key is `isbn:<ISBN-13>` or `title:<title key>|<author surname key>`,
 * the same rules the server's lookup by title and author follows: a title
 * matches in full or by the part before a colon, an author by surname.
 *
 * Small canons are served whole (`mode: 'document'`); canons too large to
 * ship answer k-anonymous prefix queries (`mode: 'prefix'`): the client sends
 * the first hex digits of a keyed hash (HMAC-SHA-256 under the key this
 * header publishes) of its match keys and receives the whole bucket.
 */
import * as v from 'valibot';
import { matchKey } from './text';

/** Gzip bytes above which a canon is answered by prefix queries instead of a whole document. */
export const INDEX_DOCUMENT_MAX_GZIP_BYTES = 1_000_000;
/** Hex digits of a keyed hash sent back in a range answer: 128 bits, beyond any collision. */
export const INDEX_HASH_HEX = 32;

/** `b:<canon id>` for an entry, `n:<nomination id>` for an open nomination. */
export const IndexTarget = v.pipe(v.string(), v.regex(/^[bn]:[A-Za-z0-9._-]{1,100}$/));
export type IndexTarget = v.InferOutput<typeof IndexTarget>;

export const IndexEntry = v.object({
  /** What the keys point at. */
  t: IndexTarget,
  /** Its match keys. */
  k: v.array(v.pipe(v.string(), v.maxLength(400))),
});
export type IndexEntry = v.InferOutput<typeof IndexEntry>;

/** What every answer of `/canon-index` starts with: enough to choose the mode and hash for it. */
export const CanonIndexHeader = v.object({
  format: v.literal(1),
  /** Counts every change of the index; deltas are asked for `?since=` one. */
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Entries and open nominations the index holds. */
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Match keys the index holds (the hashes a prefix mode serves). */
  keys: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The whole document's size, gzip-compressed. */
  gzipBytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
  mode: v.picklist(['document', 'prefix']),
  /** The hash key: clients hash with it, and a new one (rotation) starts a new id. */
  hashKey: v.object({
    id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/)),
    secret: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  }),
  /** Hex digits a range query sends. */
  prefixLength: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(8)),
  /** A range answer never holds fewer entries than this (decoys fill small buckets). */
  minBucket: v.pipe(v.number(), v.integer(), v.minValue(1)),
});
export type CanonIndexHeader = v.InferOutput<typeof CanonIndexHeader>;

/** `GET /canon-index[?since=]`: the whole index, the changes since a version, or (prefix mode) the header alone. */
export const CanonIndexAnswer = v.variant('kind', [
  v.object({ kind: v.literal('full'), header: CanonIndexHeader, entries: v.array(IndexEntry) }),
  v.object({
    kind: v.literal('delta'),
    header: CanonIndexHeader,
    since: v.number(),
    /** Entries new or changed since `since`: each replaces whatever its target had. */
    added: v.array(IndexEntry),
    /** Targets gone since `since`. */
    removed: v.array(IndexTarget),
  }),
  v.object({ kind: v.literal('header'), header: CanonIndexHeader }),
]);
export type CanonIndexAnswer = v.InferOutput<typeof CanonIndexAnswer>;

/** `GET /canon-index/range/{prefix}`: every hash of the bucket; decoys have no target. */
export const CanonIndexRange = v.object({
  version: v.number(),
  keyId: v.string(),
  prefix: v.pipe(v.string(), v.regex(/^[0-9a-f]{1,8}$/)),
  entries: v.array(v.tuple([v.pipe(v.string(), v.regex(/^[0-9a-f]+$/)), v.nullable(IndexTarget)])),
});
export type CanonIndexRange = v.InferOutput<typeof CanonIndexRange>;

export const isbnKey = (isbn13: string) => `isbn:${isbn13}`;

function surnameKey(author: string): string {
  return matchKey(author).split(' ').at(-1) ?? '';
}

/** The match keys of a canon entry or nomination: every ISBN-13, and its title with each author's surname. */
export function indexKeysOf(book: { isbn13: readonly string[]; title: string; authors: readonly string[] }): string[] {
  const keys = book.isbn13.map(isbnKey);
  const title = matchKey(book.title);
  if (title !== '') {
    for (const author of book.authors) {
      const surname = surnameKey(author);
      if (surname !== '') keys.push(`title:${title}|${surname}`);
    }
  }
  return [...new Set(keys)];
}

/**
 * The keys a page's book is looked for under: its ISBN-13s, and (with an
 * author) its title in full and before a colon, with the first author's
 * surname, as the server's lookup by title and author reads them.
 */
export function queryKeysOf(book: { isbn13: readonly string[]; title?: string; authors: readonly string[] }): {
  isbn: string[];
  title: string[];
} {
  const isbn = [...new Set(book.isbn13)].map(isbnKey);
  const author = book.authors[0];
  const surname = author === undefined ? '' : surnameKey(author);
  if (book.title === undefined || surname === '') return { isbn, title: [] };
  const titles = [matchKey(book.title), matchKey(book.title.split(':')[0] ?? '')].filter((t) => t !== '');
  return { isbn, title: [...new Set(titles)].map((t) => `title:${t}|${surname}`) };
}

/** Prefix length for `keys` hashes so an average bucket holds at least `minBucket` of them. */
export function prefixLengthFor(keys: number, minBucket: number): number {
  const buckets = Math.max(1, keys / minBucket);
  return Math.min(8, Math.max(1, Math.floor(Math.log(buckets) / Math.log(16))));
}

/** HMAC-SHA-256 of a match key under the index's key, as lower-case hex (WebCrypto, in browsers and Node). */
export async function indexHash(secretHex: string, key: string): Promise<string> {
  const raw = new Uint8Array(secretHex.match(/../g)?.map((h) => parseInt(h, 16)) ?? []);
  const cryptoKey = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, new TextEncoder().encode(key)));
  return [...mac].map((b) => b.toString(16).padStart(2, '0')).join('');
}
