import { normalizeIsbn } from '../../shared/isbn';
import { indexedContents, type MetaIndex } from '../base/page';
import { emptyReading, formatFromWord, type SignalReading } from './reading';

const BOOK_OG_TYPES = /^(?:books?(?:\.book)?)$/;
/** `og:type product`: a book only when an ISBN-valued field (`product:retailer_item_id`, `og:upc`…) says so. */
const PRODUCT_OG_TYPES = /^(?:og:)?product(?:\.item)?$/;
const OG_ISBN_KEYS = /^(?:og|books?|product):(?:\w+:)?(?:isbn|ean|gtin13|gtin|upc|retailer_item_id|sku)$/;
/** Dublin Core identifiers carry many schemes; only these spell out an ISBN. */
const DC_ISBN = /^(?:urn:isbn:|isbn[:\s]*)(.+)$/i;

/** Open Graph: `og:type` book (`books:isbn`), or product with an ISBN-valued product field. */
export function readOpenGraph(metas: MetaIndex): SignalReading {
  const type = (indexedContents(metas, 'og:type')[0] ?? '').toLowerCase();
  const isbns = [...metas]
    .filter(([key]) => OG_ISBN_KEYS.test(key))
    .flatMap(([, values]) => values)
    .filter((isbn) => normalizeIsbn(isbn) !== null);
  const isBook = BOOK_OG_TYPES.test(type) || (PRODUCT_OG_TYPES.test(type) && isbns.length > 0);
  const authors = indexedContents(metas, 'books:author', 'book:author').filter((author) => !/^https?:/.test(author));
  const reading = { ...emptyReading('og'), isBook, isbns: isBook || !type ? isbns : [], authors };
  if (isBook) reading.title = indexedContents(metas, 'og:title')[0];
  return reading;
}

/** Highwire/Google Scholar `citation_*` tags. */
export function readCitation(metas: MetaIndex): SignalReading {
  return {
    ...emptyReading('citation'),
    isbns: indexedContents(metas, 'citation_isbn'),
    title: indexedContents(metas, 'citation_title')[0],
    authors: indexedContents(metas, 'citation_author'),
  };
}

/** Dublin Core (`DC.identifier` with an ISBN scheme) and PRISM (`prism.isbn`). */
export function readDublinCore(metas: MetaIndex): SignalReading {
  const identifiers = indexedContents(metas, 'dc.identifier', 'dcterms.identifier', 'dc.identifier.isbn');
  const isbns = identifiers.flatMap((id) => {
    const match = DC_ISBN.exec(id);
    if (match?.[1]) return [match[1]];
    return normalizeIsbn(id) ? [id] : [];
  });
  isbns.push(...indexedContents(metas, 'prism.isbn', 'prism.eisbn'));
  const format = indexedContents(metas, 'dc.format', 'dcterms.format').map(formatFromWord).find(Boolean);
  return {
    ...emptyReading('dc'),
    isbns,
    title: indexedContents(metas, 'dc.title', 'dcterms.title')[0],
    authors: indexedContents(metas, 'dc.creator', 'dcterms.creator'),
    ...(format ? { format } : {}),
  };
}
