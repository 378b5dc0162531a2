/**
 * The text rule for everything a reader writes. Accepted text is stored and
 * returned verbatim (never turned into HTML); these checks only refuse what
 * cannot survive a round trip or has no business in prose:
 * - lone UTF-16 surrogates (not Unicode; databases would replace them);
 * - NUL and other C0/C1 control characters, except TAB, LF and CR in
 *   multi-line fields (comments, reasons);
 * - text that is empty or only whitespace.
 * Bidirectional overrides and other format characters are kept: clients must
 * render every user string in its own isolated direction context
 * (`<bdi>` / `dir="auto"`), so an override cannot leak into what follows.
 */
// With the `u` flag a surrogate class matches only unpaired halves.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
// eslint-disable-next-line no-control-regex
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/u;
// eslint-disable-next-line no-control-regex
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const HAS_VISIBLE = /[^\s\u200B-\u200F\u2060\uFEFF]/u;

export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function isAcceptableText(text: string, multiline: boolean): boolean {
  if (LONE_SURROGATE.test(text)) return false;
  if ((multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(text)) return false;
  return HAS_VISIBLE.test(text);
}

/** Tags compare case- and spacing-insensitively: NFC, trimmed, inner runs of whitespace as one space, lower case. */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/**
 * A matching key for titles and author names of editions without an ISBN:
 * accents, case and punctuation do not matter ("We-Think" = "we think").
 */
export function matchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when a queried author names one of the book's authors, in full or by surname. */
export function authorMatches(query: string, authors: readonly string[]): boolean {
  const q = matchKey(query);
  if (q === '') return false;
  const qLast = q.split(' ').at(-1);
  return authors.some((a) => {
    const key = matchKey(a);
    return key === q || key.split(' ').at(-1) === qLast;
  });
}

/**
 * The one form an e-mail address is compared in, so that every browser a
 * reader registers with the same address becomes the same person: spaces
 * around it trimmed and the whole address lower-cased. Domains are
 * case-insensitive by definition; local parts are compared
 * case-insensitively too (RFC 5321 leaves their case to the receiving host,
 * and mail hosts in practice ignore it), so `Ada@Example.org` and
 * `ada@example.org` are one person. No provider-specific rewriting (dots,
 * `+tags`): those are different mailboxes as far as the canon knows.
 */
export function canonicalEmail(email: string): string {
  return email.trim().toLowerCase();
}
