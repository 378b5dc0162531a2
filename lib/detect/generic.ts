/**
 * Generic signals: the metadata conventions hundreds of catalogues and shops
 * share. Used for pages no adapter claims, and by adapters as a base.
 */
import { buildBookRef } from './bookref';
import { firstText, indexMetas } from './page';
import { readCoins } from './signals/coins';
import { readJsonLdBook } from './signals/jsonld-book';
import { readCitation, readDublinCore, readOpenGraph } from './signals/meta';
import { readMicrodataBook } from './signals/microdata';
import type { SignalReading } from './signals/reading';
import { readUnapi } from './signals/unapi';
import { readUrlIsbn } from './signals/url';
import type { BookRef } from './types';

/** Every generic reading, strongest first. */
export function readGenericSignals(doc: Document, url: URL): SignalReading[] {
  const metas = indexMetas(doc);
  return [
    readJsonLdBook(doc),
    readMicrodataBook(doc),
    readOpenGraph(metas),
    readCitation(metas),
    readDublinCore(metas),
    readCoins(doc),
    readUnapi(doc, url),
    readUrlIsbn(url),
  ];
}

/**
 * Combines readings: any list signal → null. ISBNs come from the strongest
 * signal that has any (signals are not merged: a page's metadata may describe
 * different editions), title and authors likewise. The page must show book
 * evidence: a book-typed signal or an ISBN from page metadata (a URL ISBN
 * alone is not enough).
 */
export function combineReadings(doc: Document, readings: SignalReading[], site = 'generic'): BookRef | null {
  if (readings.some((reading) => reading.isList)) return null;
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
    title: withTitle?.title ?? firstText(doc, ['h1']),
    authors: withAuthors?.authors ?? [],
    format: withFormat?.format,
    recordLink: withLink?.recordLink,
  });
}

export function detectGeneric(doc: Document, url: URL): BookRef | null {
  return combineReadings(doc, readGenericSignals(doc, url));
}
