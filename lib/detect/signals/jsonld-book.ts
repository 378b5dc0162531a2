import { normalizeIsbn } from '../../shared/isbn';
import {
  flattenNodes,
  isBookNode,
  isJsonObject,
  isListNode,
  readJsonLdBlocks,
  stringsOf,
  typesOf,
  valuesOf,
  type JsonObject,
} from '../jsonld';
import { emptyReading, formatFromWord, type SignalReading } from './reading';

function isbnsOf(node: JsonObject): string[] {
  return stringsOf(node, 'isbn').filter((isbn) => normalizeIsbn(isbn) !== null);
}

function authorsOf(node: JsonObject): string[] {
  return [...stringsOf(node, 'author'), ...stringsOf(node, 'creator')];
}

function formatOf(node: JsonObject) {
  if (typesOf(node).includes('Audiobook')) return 'audio' as const;
  for (const word of stringsOf(node, 'bookFormat')) {
    const format = formatFromWord(word);
    if (format) return format;
  }
  return undefined;
}

/** A book's own ISBNs, or — for a work node — those of its one edition that has any. */
function editionOf(book: JsonObject): JsonObject | undefined {
  if (isbnsOf(book).length > 0) return book;
  const editions = valuesOf(book, 'workExample')
    .filter(isJsonObject)
    .filter((edition) => isbnsOf(edition).length > 0);
  return editions.length === 1 ? editions[0] : undefined;
}

/**
 * schema.org `Book` in JSON-LD. Several distinct books (an `ItemList`, a
 * results page) make the page a list; `workExample` editions of one work
 * count as one book.
 */
export function readJsonLdBook(doc: ParentNode): SignalReading {
  const reading = emptyReading('jsonld');
  const nodes = flattenNodes(readJsonLdBlocks(doc));
  const editionNodes = new Set(nodes.flatMap((node) => valuesOf(node, 'workExample')));
  const books = nodes.filter((node) => isBookNode(node) && !editionNodes.has(node));
  const listed = nodes.filter(isListNode).flatMap((list) => valuesOf(list, 'itemListElement'));
  const names = new Set(books.map((book) => stringsOf(book, 'name')[0] ?? isbnsOf(book)[0] ?? ''));
  if (names.size > 1 || listed.length > 1) return { ...reading, isList: true };
  const book = books[0];
  if (!book) return reading;
  const edition = editionOf(book) ?? book;
  return {
    ...reading,
    isBook: true,
    isbns: isbnsOf(edition),
    title: stringsOf(book, 'name')[0] ?? stringsOf(edition, 'name')[0],
    authors: authorsOf(book).length > 0 ? authorsOf(book) : authorsOf(edition),
    format: formatOf(edition),
  };
}
