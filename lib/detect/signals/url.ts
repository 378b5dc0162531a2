import { normalizeIsbn } from '../../shared/isbn';
import { emptyReading, type SignalReading } from './reading';

/** Paths of search and list pages, whose URL ISBN is a query, not the page's book. */
const SEARCH_PATH = /\/(?:s|search|find|results?|list|suche|recherche|buscar)(?:[/.?]|$)/i;

/**
 * An ISBN that is a whole path segment (`/isbn/9780441020348/`,
 * `/book/0-306-40615-2`). Query strings are ignored: there an ISBN is a search.
 */
export function readUrlIsbn(url: URL): SignalReading {
  const reading = emptyReading('url');
  if (SEARCH_PATH.test(url.pathname)) return reading;
  const isbns = url.pathname
    .split('/')
    .map((segment) => segment.replace(/%2D/gi, '-').replace(/\.html?$/, ''))
    .filter((segment) => /^[\d-]{9,17}[\dXx]$/.test(segment) && normalizeIsbn(segment) !== null);
  return { ...reading, isbns: isbns.slice(0, 1) };
}
