import { normalizeIsbn } from '../../shared/isbn';
import { emptyReading, type SignalReading } from './reading';

/**
 * A path segment that names a search, a list, a cart or the reader's account
 * (`/s/`, `/search`, `opac-search.pl`, `hitList.do`, `/MyResearch/`,
 * `borrow.aspx`): at most one word before it, none after.
 */
const NOT_ONE_BOOK_SEGMENT =
  /^(?:[a-z\d]+[-_])?(?:s|search|searchresults?|suche|suchergebnis|recherche|zoek|zoeken|pesquisa|busca|buscar|ricerca|szukaj|haku|sok|hledat|arama|results?|hitlist|find|list|lists|liste|shelf|cart|basket|warenkorb|panier|carrito|carrello|winkelwagen|checkout|account|myaccount|konto|user|myresearch|checkedout|loans|borrow|fees|wishlist|merkliste)(?:\.\w+)?$/i;
/** A person's page (`/author/…`, `auteur-97-BD-Leo.html`): their books, not one book. */
const PERSON_SEGMENT = /^(?:authors?|auteurs?|autor(?:en|es)?|autore|autori|writers?|people|person)(?:[-_.]|$)/i;
/** Query parameters that carry a search. */
const SEARCH_PARAM = /^(?:q|query|search|searchterm|keywords?|lookfor|zoekstring|suchbegriff|term|kw)$/i;

/** True when the address itself says the page is a search, a list, a cart or an account page. */
export function isNotOneBookUrl(url: URL): boolean {
  if (url.pathname.split('/').some((segment) => NOT_ONE_BOOK_SEGMENT.test(segment) || PERSON_SEGMENT.test(segment))) {
    return true;
  }
  for (const [key, value] of url.searchParams) if (SEARCH_PARAM.test(key) && value.trim()) return true;
  return false;
}

/**
 * An ISBN that is a whole path segment (`/isbn/9780441020348/`,
 * `/book/0-306-40615-2`). Query strings are ignored: there an ISBN is a search.
 */
export function readUrlIsbn(url: URL): SignalReading {
  const reading = emptyReading('url');
  if (isNotOneBookUrl(url)) return reading;
  const isbns = url.pathname
    .split('/')
    .map((segment) => segment.replace(/%2D/gi, '-').replace(/\.html?$/, ''))
    .filter((segment) => /^[\d-]{9,17}[\dXx]$/.test(segment) && normalizeIsbn(segment) !== null);
  return { ...reading, isbns: isbns.slice(0, 1) };
}
