/**
 * Detection's first look, cheap enough for every page of a matched site: the
 * site adapter's own reading, and a test of whether the page carries anything
 * the generic signals could read. The content script injected into pages
 * holds only this and its adapter; the generic signals (`closer-look.ts`) are
 * loaded into a page only when this says they may find or correct something.
 * Nothing here imports a signal module: that is what keeps the scripts small.
 */
import { hasAny, SCHEMA_MARKUP, type SchemaReaders } from './base/schema-readers';
import type { AdapterBook, SiteAdapter } from './base/types';

export type FirstLook =
  /** The adapter says this page is not one book (a search, a list, another department's product): final. */
  | { kind: 'not-one-book' }
  /** The adapter read a book; the closer look still checks it against the page's own metadata. */
  | { kind: 'adapter-book'; ref: AdapterBook }
  /** No adapter, or one that found nothing: the generic signals decide, if the page may hold a book at all. */
  | { kind: 'no-adapter-book'; mayHoldBook: boolean };

/**
 * What the first look leaves to the closer one: `null` when the page holds no
 * book either way, else the adapter's book to check (or `null` for the
 * generic signals to read the page). One decision for the content script's
 * two steps and for `detectBookWith`'s one.
 */
export function closerLookWanted(first: FirstLook): { adapterRef: AdapterBook | null } | null {
  if (first.kind === 'adapter-book') return { adapterRef: first.ref };
  if (first.kind === 'no-adapter-book' && first.mayHoldBook) return { adapterRef: null };
  return null;
}

/**
 * Whether the adapter that reads this page wants the schema.org readers
 * (`readsSchema`) and the page has markup for them. Such a page is one the
 * closer look is loaded into anyway (its markup makes `mayHoldBook` true),
 * so loading it before the adapter reads costs no extra load.
 */
export function schemaReadersWanted(adapters: readonly SiteAdapter[], doc: Document, url: URL): boolean {
  const adapter = adapters.find((candidate) => candidate.test(url, doc));
  return adapter?.readsSchema === true && adapter.urlMayBeBook?.(url) !== false && hasAny(doc, SCHEMA_MARKUP);
}

/** `schema`: the readers, where `schemaReadersWanted` asked for them (without, the adapter reads none). */
export function firstLook(
  adapters: readonly SiteAdapter[],
  doc: Document,
  url: URL,
  schema?: SchemaReaders,
): FirstLook {
  const adapter = adapters.find((candidate) => candidate.test(url, doc));
  // The site's own adapter knows its pages better than a page-wide scan for ISBN-shaped numbers. At an
  // address it says cannot be one book (a search, a list) it is not asked, and only the page's metadata
  // may still name a book (a campaign page's JSON-LD): the numbers printed there are other items'.
  const bookAddress = adapter?.urlMayBeBook?.(url) !== false;
  const ref = bookAddress && adapter?.detect(doc, url, schema);
  if (ref) return { kind: 'adapter-book', ref };
  if (adapter?.notOneBook?.(url, doc)) return { kind: 'not-one-book' };
  return { kind: 'no-adapter-book', mayHoldBook: bookAddress ? mayHoldBook(doc, url) : hasMetadata(doc) };
}

/**
 * The meta names some generic signal reads, at the start of a meta's
 * `property` or `name` in any case (pages spell them every way): Open Graph's
 * type and its book/product fields, Highwire, Dublin Core, PRISM.
 */
const META_NAMES = /(?:^|\s)(?:og:type|book|product:|citation_|dc(?:terms)?\.|prism\.)/i;

/**
 * True when the page has markup some generic signal reads: schema.org in
 * JSON-LD, microdata or RDFa, COinS, an unAPI server link (the unAPI reader
 * reads no book without one, whatever ids the page has), or those meta tags.
 * The metas are read in one pass rather than matched by a selector each.
 */
function hasMetadata(doc: Document): boolean {
  return (
    [...doc.querySelectorAll('meta')].some((meta) =>
      META_NAMES.test(`${meta.getAttribute('property')} ${meta.getAttribute('name')}`),
    ) || hasAny(doc, [...SCHEMA_MARKUP, '[typeof]', '.Z3988', 'link[rel="unapi-server"]'])
  );
}

/** Ten digits in a row, with the hyphens or spaces ISBNs are printed with: every ISBN-10 and ISBN-13 has them. */
const ISBN_LIKE = /\d(?:[\s\u2010-]?\d){8}[\s\u2010-]?[\dXx]/;
/** The fewest characters ISBN_LIKE can match. */
const ISBN_MIN_LENGTH = 10;

/** Longer than most text a page shows in one node, as inline scripts and styles are. */
const LONG_TEXT = 500;
/** Text that is never shown: scripts and styles carry digit runs of their own. */
const UNSHOWN = new Set<string | undefined>(['script', 'style', 'noscript', 'template']);

/**
 * False only when no generic signal can find a book here: no metadata markup,
 * and no ISBN-shaped number in the URL or the page's shown text (a labelled
 * ISBN needs one). Deliberately broad: a wrong "maybe" costs one script
 * load, a wrong "no" loses a book.
 */
export function mayHoldBook(doc: Document, url: URL): boolean {
  if (hasMetadata(doc)) return true;
  // Spaces only, not decodeURIComponent: that throws on a malformed escape, and this must not lose the page.
  if (ISBN_LIKE.test(url.pathname.replace(/%20/g, ' '))) return true;
  const body = doc.body;
  if (!body) return false;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).length;
    // Most text nodes of a large page are white space or a word or two: too short to hold ten digits,
    // and cheaper to skip by their length than to read. Of the rest, a short one is cheaper to test
    // than to place, and most fail; a long one is most likely a script's, placed before it is read.
    if (length < ISBN_MIN_LENGTH || (length > LONG_TEXT && UNSHOWN.has(node.parentElement?.localName))) continue;
    if (ISBN_LIKE.test((node as Text).data) && !UNSHOWN.has(node.parentElement?.localName)) return true;
  }
  return false;
}
