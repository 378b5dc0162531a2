/**
 * schema.org in the three forms pages use — JSON-LD, microdata and RDFa —
 * read into one node shape (JSON-LD's) and judged by one set of rules:
 * which nodes are a book, which say the page lists several, which say the
 * page is about something that is not a book (a CD, a film, a periodical).
 */
import { normalizeIsbn } from '../../shared/isbn';
import {
  flattenNodes,
  isJsonObject,
  isListNode,
  jsonLdTexts,
  readJsonLdBlocks,
  stringsOf,
  typesOf,
  valuesOf,
  type JsonObject,
} from '../base/jsonld';
import { cleanText } from '../base/text';
import type { Signal } from '../base/types';
import { emptyReading, formatFromWord, type SignalReading } from './reading';

/** The element each microdata or RDFa node was read from. */
const ELEMENTS = new WeakMap<JsonObject, Element>();

/** Always a book, ISBN or not. */
const BOOK_TYPES = /^(?:Book|Audiobook|ComicIssue)$/;
/** A book only when one of its identifiers is an ISBN: shops type every article `Product`. */
const ISBN_TYPES = /^(?:Product|IndividualProduct|ProductModel|ComicStory|ComicSeries|PublicationVolume|CreativeWork)$/;
/** The page's item is something else; a book page does not carry these as its main entity. */
const NOT_BOOK_TYPES =
  /^(?:Music(?:Album|Recording|Release|Composition|Group)|Movie|TVSeries|TVSeason|TVEpisode|VideoGame|Game|Periodical|Newspaper|Map|SoftwareApplication|MobileApplication)$/;
/**
 * One of those as a whole JSON string, its vocabulary's address before it or
 * not: what a block naming one holds. Made on first use, so that the generic
 * signals' script, which carries this module but not `typedNotBook`, drops it.
 */
let notBookValue: RegExp | undefined;
const LIST_TYPES = /^(?:ItemList|SearchResultsPage|CollectionPage)$/;
/** Properties whose value may be the ISBN (an EAN-13 with 978/979 is one). */
const ISBN_KEYS = ['isbn', 'gtin13', 'gtin', 'identifier', 'productID', 'sku', 'gtin12'];

/** Valid ISBNs among a node's identifiers (`{"@type":"PropertyValue","value":…}` included). */
export function nodeIsbns(node: JsonObject): string[] {
  return ISBN_KEYS.flatMap((key) =>
    valuesOf(node, key).flatMap((value) => {
      const text = isJsonObject(value) ? [value['value']].flat()[0] : value;
      return typeof text === 'string' || typeof text === 'number' ? [String(text).replace(/^isbn:/i, '')] : [];
    }),
  ).filter((isbn) => normalizeIsbn(isbn) !== null);
}

function isBookNode(node: JsonObject): boolean {
  const types = typesOf(node);
  if (types.some((type) => BOOK_TYPES.test(type))) return true;
  // An explicit `isbn` property makes any node a book; a product code only a product's.
  return (Object.hasOwn(node, 'isbn') || types.some((type) => ISBN_TYPES.test(type))) && nodeIsbns(node).length > 0;
}

function nameOf(node: JsonObject): string {
  return cleanText(stringsOf(node, 'name')[0] ?? stringsOf(node, 'headline')[0]);
}

/** An issue is shown as its series, its number and its own name: "Comanche 1 Red Dust". */
function titleOf(node: JsonObject, series: string): string {
  const name = nameOf(node);
  const number = stringsOf(node, 'issueNumber')[0] ?? stringsOf(node, 'volumeNumber')[0];
  if (!series || !number || (name.startsWith(series) && name.includes(number))) return name;
  return cleanText(`${series} ${number} ${name}`);
}

function authorsOf(node: JsonObject): string[] {
  return [...stringsOf(node, 'author'), ...stringsOf(node, 'creator')];
}

function formatOf(node: JsonObject) {
  if (typesOf(node).includes('Audiobook')) return 'audio' as const;
  return stringsOf(node, 'bookFormat').map(formatFromWord).find(Boolean);
}

/**
 * What a set of schema.org nodes says. Several distinct books (by name or by
 * ISBN), or a list node with several entries, make the page a list;
 * `workExample` editions and `hasPart` issues are judged under their work or
 * series. A work with several editions that have ISBNs gives none of them.
 */
export function readSchemaNodes(nodes: JsonObject[], signal: Signal): SignalReading {
  const reading = emptyReading(signal);
  const children = new Map<unknown, JsonObject>();
  for (const node of nodes) {
    for (const key of ['workExample', 'hasPart']) for (const child of valuesOf(node, key)) children.set(child, node);
  }
  const books = nodes.filter((node) => isBookNode(node) && !(children.has(node) && isBookNode(children.get(node)!)));
  const listed = nodes.filter(isListNode).flatMap((list) => valuesOf(list, 'itemListElement'));
  const names = new Set(books.map((book) => nameOf(book).toLowerCase()));
  const isbns = new Set(books.map((book) => normalizeIsbn(nodeIsbns(book)[0] ?? '')).filter(Boolean));
  if (names.size > 1 || isbns.size > 1 || listed.length > 1) return { ...reading, isList: true };
  const book = books[0];
  if (!book) {
    const products = nodes.filter((node) => !children.has(node) && typesOf(node).some((type) => ISBN_TYPES.test(type)));
    return {
      ...reading,
      notBook: nodes.some((node) => typesOf(node).some((type) => NOT_BOOK_TYPES.test(type))),
      // A lone product's name titles the page if other signals find it is a book.
      ...(products.length === 1 ? { title: nameOf(products[0]!) } : {}),
    };
  }
  const editions = valuesOf(book, 'workExample')
    .filter(isJsonObject)
    .filter((edition) => nodeIsbns(edition).length > 0);
  const edition = nodeIsbns(book).length > 0 || editions.length !== 1 ? book : editions[0]!;
  const parent = children.get(book);
  const series =
    nameOf(parent ?? {}) || stringsOf(valuesOf(book, 'isPartOf').find(isJsonObject) ?? {}, 'name')[0] || '';
  return {
    ...reading,
    isBook: true,
    isbns: nodeIsbns(edition),
    title: titleOf(book, series) || nameOf(edition),
    authors: authorsOf(book).length > 0 ? authorsOf(book) : authorsOf(edition),
    format: formatOf(edition),
    anchor: ELEMENTS.get(book),
  };
}

/** schema.org in JSON-LD. */
export function readJsonLd(doc: ParentNode): SignalReading {
  return readSchemaNodes(flattenNodes(readJsonLdBlocks(doc)), 'jsonld');
}

function propValue(el: Element): string {
  return cleanText(el.getAttribute('content') ?? (el.localName === 'link' ? el.getAttribute('href') : el.textContent));
}

/** A node typed a book, a product or a non-book item: the only scopes whose properties are read. */
function isTelling(types: string[]): boolean {
  return types.some(
    (type) => BOOK_TYPES.test(type) || ISBN_TYPES.test(type) || NOT_BOOK_TYPES.test(type) || LIST_TYPES.test(type),
  );
}

/**
 * True when the page's schema.org types (any form) name a non-book item —
 * a music album, a film, a game, a periodical — and no book: a cheap check
 * on what an adapter found, without reading the nodes' properties.
 */
export function typedNotBook(doc: Document): boolean {
  // One look-up each: a selector list walks a large page several times slower in Chromium.
  const types = [...doc.querySelectorAll('[itemtype]'), ...doc.querySelectorAll('[typeof]')].flatMap((el) =>
    typesOf({ '@type': `${el.getAttribute('itemtype') ?? ''} ${el.getAttribute('typeof') ?? ''}`.split(/\s+/) }),
  );
  const notBook = (type: string) => NOT_BOOK_TYPES.test(type);
  // The JSON-LD blocks are parsed only when one may name a non-book type, or the markup names one (a block's
  // Book then clears it): most book pages' blocks name none, and parsing them cost more than this test.
  const texts = jsonLdTexts(doc);
  notBookValue ??= new RegExp(`"(?:[^"]*[/#:])?${NOT_BOOK_TYPES.source.slice(1, -1)}"`);
  const named = notBookValue;
  if (types.some(notBook) || texts.some((text) => named.test(text))) {
    types.push(...flattenNodes(readJsonLdBlocks(doc, texts)).flatMap(typesOf));
  }
  return types.some(notBook) && !types.some((type) => BOOK_TYPES.test(type));
}

/**
 * Microdata (`itemscope`/`itemtype`/`itemprop`) or RDFa (`typeof`/`property`)
 * scopes as JSON-LD-like nodes: each property belongs to the nearest scope
 * around it, and a property that is itself a scope holds that scope's node.
 * Only properties inside book, product and non-book scopes are read (pages
 * carry hundreds of others: breadcrumbs, reviews, ratings).
 */
export function domSchemaNodes(doc: ParentNode, rdfa: boolean): JsonObject[] {
  const scopeSelector = rdfa ? '[typeof]' : '[itemscope]';
  const nodes = new Map<Element, JsonObject>();
  const telling: Element[] = [];
  for (const scope of doc.querySelectorAll(scopeSelector)) {
    const types = typesOf({ '@type': (scope.getAttribute(rdfa ? 'typeof' : 'itemtype') ?? '').split(/\s+/) });
    const node: JsonObject = { '@type': types };
    nodes.set(scope, node);
    ELEMENTS.set(node, scope);
    // Outermost telling scopes only: their descendants' properties include the nested ones.
    if (isTelling(types) && !telling.some((outer) => outer.contains(scope))) telling.push(scope);
  }
  const propAttribute = rdfa ? 'property' : 'itemprop';
  for (const outer of telling) {
    for (const el of outer.querySelectorAll(`[${propAttribute}]`)) {
      const node = nodes.get(el.parentElement!.closest(scopeSelector)!);
      if (!node) continue;
      const value = nodes.get(el) ?? propValue(el);
      for (const name of (el.getAttribute(propAttribute) ?? '').split(/\s+/)) {
        const key = name.replace(/^.*[/#:]/, '');
        if (key && key !== '__proto__') node[key] = [...valuesOf(node, key), value];
      }
    }
  }
  return [...nodes.values()];
}

export function readMicrodata(doc: ParentNode): SignalReading {
  return readSchemaNodes(domSchemaNodes(doc, false), 'microdata');
}

export function readRdfa(doc: ParentNode): SignalReading {
  return readSchemaNodes(domSchemaNodes(doc, true), 'rdfa');
}
