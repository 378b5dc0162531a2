/**
 * Server text is plain text. A reader may still paste an address into a
 * comment, so addresses are found here and made clickable on display — but
 * only http and https ones: `javascript:`, `data:` and every other scheme stay
 * text (research/security.md §0, item 2).
 */

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/** Attributes every link to somewhere else gets: no opener, no referrer, no endorsement. */
export const EXTERNAL_LINK_REL = 'noopener noreferrer nofollow';

const SAFE_PROTOCOLS = new Set(['http:', 'https:']);

/** The address to put in `href`, or null when it is not an http(s) URL. */
export function safeHref(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
}

// Candidates only; every match is checked again by safeHref.
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`]+/giu;
// Sentence punctuation after an address belongs to the sentence, not the address.
const TRAILING_PUNCTUATION = /[.,;:!?'"»“”’]+$/u;

function trimAddress(candidate: string): string {
  let text = candidate.replace(TRAILING_PUNCTUATION, '');
  // "(see https://example.org/x)" — drop a closing bracket the address did not open.
  while (text.endsWith(')') && countOf(text, '(') < countOf(text, ')')) {
    text = text.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return text;
}

function countOf(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** Splits plain text into text runs and http(s) links, in order; joining every `text` gives the input back. */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const address = trimAddress(match[0]);
    const href = safeHref(address);
    if (href === null || address === '') continue;
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    parts.push({ kind: 'link', text: address, href });
    last = match.index + address.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}
