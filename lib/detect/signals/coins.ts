import { emptyReading, formatFromWord, isNotBookWord, type SignalReading } from './reading';

/** The context object of an OpenURL COinS span (`title` holds a query string). */
export function parseCoins(query: string): SignalReading {
  const reading = emptyReading('coins');
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query.replace(/&amp;/g, '&'));
  } catch {
    return reading;
  }
  const isbns = params.getAll('rft.isbn');
  for (const id of params.getAll('rft_id')) {
    const match = /^urn:isbn:(.+)$/i.exec(id);
    if (match?.[1]) isbns.push(match[1]);
  }
  const authors = params.getAll('rft.au');
  const last = params.get('rft.aulast');
  if (authors.length === 0 && last) authors.push([params.get('rft.aufirst'), last].filter(Boolean).join(' '));
  const genre = (params.get('rft.genre') ?? '').toLowerCase();
  const valueFormat = (params.get('rft_val_fmt') ?? '').toLowerCase();
  // Catalogues (VuFind) put the record's own format in the Dublin Core `rft.format`.
  const recordFormat = params.get('rft.format') ?? '';
  const title = params.get('rft.btitle') ?? params.get('rft.title') ?? undefined;
  const format = formatFromWord(recordFormat);
  return {
    ...reading,
    isbns,
    authors,
    ...(title ? { title } : {}),
    ...(format ? { format } : {}),
    isBook: genre === 'book' || valueFormat.endsWith(':book'),
    notBook:
      /^(?:journal|article|issue|proceeding|conference)$/.test(genre) ||
      valueFormat.endsWith(':journal') ||
      isNotBookWord(recordFormat, isbns.length > 0),
  };
}

/** One COinS span describes the page's book; several mean a results or reading list. */
export function readCoins(doc: Document): SignalReading {
  // By class: a cached live collection, not a selector walk over the whole page.
  const spans = [...doc.getElementsByClassName('Z3988')].filter(
    (span) => span.localName === 'span' && span.hasAttribute('title'),
  );
  if (spans.length > 1) return { ...emptyReading('coins'), isList: true };
  const span = spans[0];
  return span ? parseCoins(span.getAttribute('title') ?? '') : emptyReading('coins');
}
