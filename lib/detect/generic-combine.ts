/**
 * How generic readings become one BookRef: both passes of the generic
 * signals (generic.ts, generic-page.ts) end here.
 */
import { buildBookRef } from './base/bookref';
import type { SignalReading } from './signals/reading';
import type { BookRef } from './base/types';

/**
 * Combines readings: any list or non-book signal → null. ISBNs come from the
 * strongest signal that has any (signals are not merged: a page's metadata
 * may describe different editions), title and authors likewise. The page
 * must show book evidence: a book-typed signal or an ISBN from page metadata
 * (a URL ISBN alone is not enough).
 */
export function combineReadings(readings: SignalReading[], site = 'generic'): BookRef | null {
  if (readings.some((reading) => reading.isList || reading.notBook)) return null;
  const withIsbn = readings.find(
    (reading) => reading.isbns.length > 0 && buildBookRef({ site, signals: [], isbns: reading.isbns }) !== null,
  );
  const isBook = readings.some((reading) => reading.isBook) || (withIsbn !== undefined && withIsbn.signal !== 'url');
  if (!isBook) return null;
  const withTitle = readings.find((reading) => reading.title);
  const withAuthors = readings.find((reading) => reading.authors.length > 0);
  const withFormat = readings.find((reading) => reading.format);
  const withLink = readings.find((reading) => reading.recordLink);
  const used = [withIsbn, withTitle, withAuthors, withFormat, withLink].filter((reading) => reading !== undefined);
  return buildBookRef({
    site,
    signals: used.map((reading) => reading.signal),
    isbns: withIsbn?.isbns ?? [],
    title: withTitle?.title,
    authors: withAuthors?.authors ?? [],
    format: withFormat?.format,
    recordLink: withLink?.recordLink,
  });
}
