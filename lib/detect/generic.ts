/**
 * Generic signals: the metadata conventions hundreds of catalogues and shops
 * share, and the labelled fields the rest print. Used for pages no adapter
 * claims or an adapter cannot read, and by adapters as a base.
 *
 * Read in two passes: the metadata pass here (schema.org, Open Graph,
 * Highwire, Dublin Core, COinS, unAPI, the address), and only where the
 * metadata does not name the book fully, the page pass (generic-page.ts).
 * `detectGeneric` (closer-look.ts) runs both; pages load them as two scripts.
 */
import { indexMetas } from './base/page';
import { combineReadings } from './generic-combine';
import { readCoins } from './signals/coins';
import { readCitation, readDublinCore, readOpenGraph } from './signals/meta';
import type { SignalReading } from './signals/reading';
import { readJsonLd, readMicrodata, readRdfa } from './signals/schema';
import { readUnapi } from './signals/unapi';
import { isNotOneBookUrl, readUrlIsbn } from './signals/url';
import type { BookRef } from './base/types';

/** Every generic metadata reading, strongest first (the labelled fields are read separately: they cost a page walk). */
export function readGenericSignals(doc: Document, url: URL): SignalReading[] {
  const metas = indexMetas(doc);
  return [
    readJsonLd(doc),
    readMicrodata(doc),
    readRdfa(doc),
    readOpenGraph(metas),
    readCitation(metas),
    readDublinCore(metas),
    readCoins(doc),
    readUnapi(doc, url),
    readUrlIsbn(url),
  ];
}

/** True when structured metadata alone names the book fully: no page walk needed. */
function complete(readings: SignalReading[]): boolean {
  return readings.some(
    (reading) => reading.isBook && reading.isbns.length > 0 && reading.title && reading.authors.length,
  );
}

/**
 * The metadata pass: the page's book where its metadata settles it (not one
 * book, a list, not a book, or a book it names fully), else the readings the
 * page pass (`readPage`) goes on from.
 */
export function detectFromMetadata(doc: Document, url: URL): { ref: BookRef | null } | { readings: SignalReading[] } {
  if (isNotOneBookUrl(url)) return { ref: null };
  const readings = readGenericSignals(doc, url);
  // Any list or non-book signal makes the page no book, whatever the page pass would add.
  if (readings.some((reading) => reading.isList || reading.notBook)) return { ref: null };
  // Named fully: the title heading the page pass adds could only come after every one of these.
  if (complete(readings)) return { ref: combineReadings(readings) };
  return { readings };
}
