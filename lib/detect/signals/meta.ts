import { normalizeIsbn } from '../../isbn';
import { metaContent, metaContents } from '../page';
import { emptyReading, formatFromWord, type SignalReading } from './reading';

const BOOK_OG_TYPES = new Set(['book', 'books.book']);
/** Dublin Core identifiers carry many schemes; only these spell out an ISBN. */
const DC_ISBN = /^(?:urn:isbn:|isbn[:\s]*)(.+)$/i;

/** Open Graph `og:type` book / `books:isbn`. */
export function readOpenGraph(doc: ParentNode): SignalReading {
  const types = metaContents(doc, 'og:type').map((type) => type.toLowerCase());
  const isBook = types.some((type) => BOOK_OG_TYPES.has(type));
  const isbns = metaContents(doc, 'books:isbn', 'book:isbn');
  const authors = metaContents(doc, 'books:author', 'book:author').filter((author) => !/^https?:/.test(author));
  const reading = { ...emptyReading('og'), isBook, isbns, authors };
  if (isBook) reading.title = metaContent(doc, 'og:title');
  return reading;
}

/** Highwire/Google Scholar `citation_*` tags. */
export function readCitation(doc: ParentNode): SignalReading {
  return {
    ...emptyReading('citation'),
    isbns: metaContents(doc, 'citation_isbn'),
    title: metaContent(doc, 'citation_title') || undefined,
    authors: metaContents(doc, 'citation_author'),
  };
}

/** Dublin Core (`DC.identifier` with an ISBN scheme) and PRISM (`prism.isbn`). */
export function readDublinCore(doc: ParentNode): SignalReading {
  const identifiers = metaContents(doc, 'dc.identifier', 'dcterms.identifier', 'dc.identifier.isbn');
  const isbns = identifiers.flatMap((id) => {
    const match = DC_ISBN.exec(id);
    if (match?.[1]) return [match[1]];
    return normalizeIsbn(id) ? [id] : [];
  });
  isbns.push(...metaContents(doc, 'prism.isbn', 'prism.eisbn'));
  const format = metaContents(doc, 'dc.format', 'dcterms.format').map(formatFromWord).find(Boolean);
  return {
    ...emptyReading('dc'),
    isbns,
    title: metaContent(doc, 'DC.title') || metaContent(doc, 'dc.title') || metaContent(doc, 'DCTERMS.title') || undefined,
    authors: metaContents(doc, 'dc.creator', 'dcterms.creator'),
    ...(format ? { format } : {}),
  };
}
