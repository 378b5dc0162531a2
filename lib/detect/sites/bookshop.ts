/**
 * Bookshop.org (US, UK and the other national shops on `<cc>.bookshop.org`).
 * Product pages are `/p/books/<slug>/<id>?ean=<ISBN-13>` (current) or
 * `/books/<slug>/<ISBN-13>` (older links); affiliate links `/a/<shop>/<ISBN-13>`
 * redirect to them. The same shop pages list books ("Lists", shop fronts),
 * so only a product path counts as one book.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { allTexts, firstText } from '../base/page';
import { NO_SCHEMA, type SchemaReaders } from '../base/schema-readers';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  title: ['h1[itemprop="name"]', 'h1'],
  authors: [
    '[itemprop="author"]',
    // Contributor links under the title when microdata is absent.
    'a[href^="/contributors/"]',
  ],
} as const;

const PRODUCT_PATH = /^\/(?:p\/books\/[^/]+\/\d+|books\/[^/]+\/97[89]\d{10}|a\/\d+\/97[89]\d{10})\/?$/;

/** The edition named by the URL: `?ean=` or a trailing ISBN-13 path segment. */
function isbnFromUrl(url: URL): string[] {
  const written = url.searchParams.get('ean') ?? /\/(97[89]\d{10})\/?$/.exec(url.pathname)?.[1] ?? '';
  return findIsbnCandidates(written).map((candidate) => candidate.isbn13);
}

export const bookshop: SiteAdapter = {
  id: 'bookshop',
  name: 'Bookshop.org',
  matches: ['*://bookshop.org/*', '*://*.bookshop.org/*'],
  test: (url) => /(^|\.)bookshop\.org$/.test(url.hostname),
  urlMayBeBook: (url) => PRODUCT_PATH.test(url.pathname),
  readsSchema: true,
  detect(doc: Document, url: URL, schema: SchemaReaders = NO_SCHEMA): BookRef | null {
    if (!PRODUCT_PATH.test(url.pathname)) return null;
    const jsonld = schema.jsonLd(doc);
    const microdata = schema.microdata(doc);
    // The schema.org ISBN is the edition shown; the URL is only a fallback
    // because a format switch on the page can leave a stale `?ean=`.
    const isbns = [jsonld.isbns, microdata.isbns, isbnFromUrl(url)].find((list) => list.length > 0) ?? [];
    return buildBookRef({
      site: 'bookshop',
      signals: ['site:bookshop', ...(jsonld.isbns.length > 0 ? ['jsonld'] : [])],
      isbns,
      title: jsonld.title ?? microdata.title ?? firstText(doc, SELECTORS.title),
      authors: jsonld.authors.length > 0 ? jsonld.authors : allTexts(doc, SELECTORS.authors),
      format: jsonld.format ?? microdata.format,
    });
  },
};

// Page types:
//   product      https://bookshop.org/p/books/lessons-in-chemistry-bonnie-garmus/16896960?ean=9780385547345
//   product (UK) https://uk.bookshop.org/p/books/normal-people-sally-rooney/1597390?ean=9780571334650
//   older link   https://bookshop.org/books/lessons-in-chemistry/9780385547345
//   search       https://bookshop.org/search?keywords=bonnie+garmus
//   list         https://bookshop.org/lists/booker-prize-2023-longlist
// No saved product page found in public repositories; selectors unverified against real markup.
