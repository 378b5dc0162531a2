/**
 * Which signal decided a page's verdict, for reports (npm run accuracy). It
 * retraces detectBook's order — the first look (the site adapter, its
 * `notOneBook`, whether any generic signal could read the page), the closer
 * look's metadata check on an adapter's BookRef, then the generic signals
 * with the labelled fields read only when metadata is incomplete — without
 * changing detection itself, so nothing here is bundled into content scripts.
 */
import { canonicalIsbns } from '../lib/detect/base/bookref';
import { firstLook, schemaReadersWanted } from '../lib/detect/first-look';
import { readGenericSignals } from '../lib/detect/generic';
import { readCoins } from '../lib/detect/signals/coins';
import { readLabels } from '../lib/detect/signals/labels';
import type { SignalReading } from '../lib/detect/signals/reading';
import { typedNotBook } from '../lib/detect/signals/schema';
import { SCHEMA_READERS } from '../lib/detect/signals/schema-readers';
import { isNotOneBookUrl } from '../lib/detect/signals/url';
import { SITE_ADAPTERS } from '../lib/detect/sites';
import type { BookRef, SiteAdapter } from '../lib/detect/base/types';

/** The generic readings in the order detectGeneric combines them (labels before the COinS-less tail when read). */
function genericReadings(doc: Document, url: URL): SignalReading[] {
  const readings = readGenericSignals(doc, url);
  const complete = readings.some(
    (reading) => reading.isBook && reading.isbns.length > 0 && reading.title && reading.authors.length,
  );
  if (!complete) readings.splice(-2, 0, readLabels(doc, url, readings.find((reading) => reading.anchor)?.anchor));
  return readings;
}

/**
 * The deciding signal: `site:<id>` when an adapter's BookRef or verdict
 * stands, else the generic signal that gave the ISBN (or the book type), or
 * that said "list" / "not a book"; `url` for an address that names a search.
 * With `adapters` empty: the verdict of the generic signals alone (the any-site script).
 */
export function decidedBy(
  doc: Document,
  url: string,
  ref: BookRef | null,
  adapters: readonly SiteAdapter[] = SITE_ADAPTERS,
): string {
  const pageUrl = new URL(url);
  const adapter = adapters.find((candidate) => candidate.test(pageUrl, doc));
  const schema = schemaReadersWanted(adapters, doc, pageUrl) ? SCHEMA_READERS : undefined;
  const first = firstLook(adapters, doc, pageUrl, schema);
  if (first.kind === 'not-one-book') return `site:${adapter?.id} (not one book)`;
  if (first.kind === 'adapter-book') {
    if (ref) return `site:${adapter?.id}`;
    return typedNotBook(doc) ? 'schema (not a book)' : readCoins(doc).notBook ? 'coins (not a book)' : 'error';
  }
  if (!first.mayHoldBook) return 'first look (nothing a signal reads)';
  if (isNotOneBookUrl(pageUrl)) return 'url (not one book)';
  const readings = genericReadings(doc, pageUrl);
  const veto = readings.find((reading) => reading.isList || reading.notBook);
  if (veto) return `${veto.signal} (${veto.isList ? 'list' : 'not a book'})`;
  if (!ref) return 'none (no book evidence)';
  const withIsbn =
    ref.isbn13.length > 0 ? readings.find((reading) => canonicalIsbns(reading.isbns).length > 0) : undefined;
  return (withIsbn ?? readings.find((reading) => reading.isBook))?.signal ?? ref.signals[0] ?? 'generic';
}
