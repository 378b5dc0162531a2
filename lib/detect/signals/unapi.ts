import { emptyReading, type SignalReading } from './reading';

/**
 * unAPI (`<link rel="unapi-server">` + one `abbr.unapi-id`): the record's
 * ISBNs live behind the link, so the page gets a `recordLink`, not an ISBN.
 */
export function readUnapi(doc: Document, base: URL): SignalReading {
  const reading = emptyReading('unapi');
  const server = (doc.head ?? doc).querySelector('link[rel="unapi-server"][href]')?.getAttribute('href');
  const ids = [...doc.getElementsByClassName('unapi-id')].filter((abbr) => abbr.hasAttribute('title'));
  const id = ids.length === 1 ? ids[0]?.getAttribute('title') : null;
  if (!server || !id) return { ...reading, isList: ids.length > 1 };
  try {
    const link = new URL(server, base);
    link.searchParams.set('id', id);
    return { ...reading, recordLink: link.href };
  } catch {
    return reading;
  }
}
