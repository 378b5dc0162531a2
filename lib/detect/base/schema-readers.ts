/**
 * schema.org readings a site adapter may lean on (its `detect`'s third
 * argument). The readers themselves (lib/detect/signals/schema) are most of
 * the generic signals' weight, so a site's content script does not carry
 * them: where a page has schema.org markup at all, the content script loads
 * the closer look first and hands its readers to the adapter; where it has
 * none, the readers would find nothing, and `NO_SCHEMA` says so without them.
 */
import { JSON_LD_SCRIPTS } from './jsonld';
import type { SignalReading } from '../signals/reading';

export interface SchemaReaders {
  jsonLd(doc: ParentNode): SignalReading;
  microdata(doc: ParentNode): SignalReading;
}

/**
 * Markup either reader reads: a JSON-LD block (the reader takes exactly
 * `application/ld+json`, any case), or a typed microdata scope (the reader
 * reads properties only inside book, product and non-book types). A page
 * without either gives both readers nothing to read.
 */
export const SCHEMA_MARKUP = [JSON_LD_SCRIPTS, '[itemtype]'];

/**
 * True when an element matches one of `selectors`, looked up one by one: in
 * Chromium one selector list walks a large page several times slower than
 * its selectors do one at a time.
 */
export const hasAny = (doc: Document, selectors: string[]) => selectors.some((selector) => doc.querySelector(selector));

/** What the readers find in a page without schema.org markup (`SCHEMA_MARKUP`). */
export const NO_SCHEMA: SchemaReaders = {
  jsonLd: () => ({ signal: 'jsonld', isbns: [], authors: [], isBook: false, isList: false }),
  microdata: () => ({ signal: 'microdata', isbns: [], authors: [], isBook: false, isList: false }),
};
