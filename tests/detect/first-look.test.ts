// @vitest-environment happy-dom
/**
 * The content script asks for the generic signals only when the first look
 * says the page may hold a book. That "no" must never hide a book: on every
 * saved page it says no to, the generic signals find nothing either.
 */
import { describe, expect, it } from 'vitest';
import { detectGeneric } from '../../lib/detect/closer-look';
import { firstLook, mayHoldBook, schemaReadersWanted } from '../../lib/detect/first-look';
import { SITE_ADAPTERS } from '../../lib/detect/sites';
import type { BookRef, SiteAdapter } from '../../lib/detect';
import { fixtureHtml, fixtureUrl, loadManifest } from '../../scripts/fixture-manifest';
import { withoutSvgStyles } from '../../scripts/saved-page';

function page(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('mayHoldBook', () => {
  const url = new URL('https://shop.example/item/42');

  it('says maybe for schema.org, COinS and book meta markup', () => {
    for (const markup of [
      '<script type="application/ld+json">{}</script>',
      '<div itemscope itemtype="https://schema.org/Book"></div>',
      '<div vocab="https://schema.org/" typeof="Book"></div>',
      '<span class="Z3988" title="ctx_ver=Z39.88-2004"></span>',
      '<meta property="og:type" content="book">',
      '<meta name="og:type" content="product">',
      '<meta property="product:retailer_item_id" content="9780141439518">',
      '<meta name="citation_isbn" content="9780141439518">',
      '<meta name="DC.identifier" content="urn:isbn:9780141439518">',
      '<meta name="DCTERMS.title" content="Persuasion">',
      '<meta property="BOOK:ISBN" content="9780141439518">',
      '<meta name="prism.isbn" content="9780141439518">',
      '<script type="Application/LD+JSON">{}</script>',
      '<link rel="unapi-server" href="/unapi">',
    ]) {
      expect(mayHoldBook(page(`<html><head>${markup}</head><body><h1>x</h1></body></html>`), url), markup).toBe(true);
    }
  });

  it('finds the markup where pages put it: metas and JSON-LD in the body, the name after another attribute', () => {
    for (const markup of [
      '<meta property="og:type" content="book">',
      '<meta itemprop="x" name="citation_title" content="Persuasion">',
      '<script type="application/ld+json">{}</script>',
      '<div><span class="x Z3988" title="ctx_ver=Z39.88-2004"></span></div>',
    ]) {
      expect(mayHoldBook(page(`<body><h1>x</h1><div>${markup}</div></body>`), url), markup).toBe(true);
    }
  });

  it('says no to markup no generic signal reads a book from', () => {
    for (const markup of [
      '<meta name="description" content="A bookshop">',
      '<meta property="og:title" content="Persuasion">',
      '<meta name="viewport" content="width=device-width">',
      '<script type="application/json">{"isbn": "9780141439518"}</script>',
      // An unAPI id without the server link: the unAPI reader needs both.
      '<abbr class="unapi-id" title="42"></abbr>',
    ]) {
      expect(mayHoldBook(page(`<html><head>${markup}</head><body><h1>x</h1></body></html>`), url), markup).toBe(false);
    }
  });

  it('says maybe for an ISBN printed on the page, in any of its spellings', () => {
    for (const text of [
      'ISBN 978-0-14-143951-8',
      'EAN: 9780141439518',
      '0 14 143951 X',
      '国際標準図書番号 9784101010014',
    ]) {
      expect(mayHoldBook(page(`<body><h1>A book</h1><p>${text}</p></body>`), url), text).toBe(true);
    }
  });

  it('reads a text node of exactly ten characters, the shortest an ISBN can be printed in, and none shorter', () => {
    expect(mayHoldBook(page('<body><h1>A book</h1><span>014143951X</span></body>'), url)).toBe(true);
    expect(mayHoldBook(page('<body><h1>A book</h1><span>014143951</span></body>'), url)).toBe(false);
    // Digits split over elements are not one printed number.
    expect(mayHoldBook(page('<body><h1>A book</h1><b>01414</b><b>3951X</b></body>'), url)).toBe(false);
  });

  it('reads long shown text, and skips long scripts and styles, whichever it looks at first', () => {
    const prose = 'A long description of the book. '.repeat(30);
    expect(mayHoldBook(page(`<body><h1>A book</h1><p>${prose} ISBN 9780141439518 ${prose}</p></body>`), url)).toBe(
      true,
    );
    const code = `var ids = [9780141439518, 9780141439518]; ${'var x = 1; '.repeat(80)}`;
    const rules = `.a{width:1000000000px} ${'.b{color:red} '.repeat(60)}`;
    expect(mayHoldBook(page(`<body><h1>Shop</h1><script>${code}</script><style>${rules}</style></body>`), url)).toBe(
      false,
    );
  });

  it('says maybe for an ISBN-shaped URL path', () => {
    expect(
      mayHoldBook(page('<body><h1>A book</h1></body>'), new URL('https://shop.example/isbn/978-0-14-143951-8')),
    ).toBe(true);
    // Spaces escaped, and an escape no decoder accepts beside it: read, not thrown.
    const spaced = new URL('https://shop.example/%E0%A4%A/978%200%2014%20143951%208');
    expect(mayHoldBook(page('<body><h1>A book</h1></body>'), spaced)).toBe(true);
  });

  it('says no to a page with no metadata and no ISBN-shaped number it shows', () => {
    const doc = page(
      '<body><h1>Our shop</h1><p>Call 0800 123</p><script>var order = 97801414395181234;</script><style>.x{}</style></body>',
    );
    expect(mayHoldBook(doc, url)).toBe(false);
  });
});

describe("the adapter's final word", () => {
  const book = { isbn13: ['9780571334650'], title: 'Normal People' } as BookRef;
  const asked: string[] = [];
  function adapter(parts: Partial<SiteAdapter>): SiteAdapter {
    return {
      id: 'shop',
      name: 'Shop',
      matches: [],
      test: () => true,
      readsSchema: true,
      detect: () => {
        asked.push('detect');
        return null;
      },
      ...parts,
    };
  }
  // An ISBN printed on the page: without the adapter's word, the first look would ask the generic signals.
  const doc = page('<script type="application/ld+json">{}</script><p>ISBN 9780571334650</p>');
  const printed = page('<p>ISBN 9780571334650</p>');
  const url = new URL('https://shop.example/search?q=rooney');

  it('asks the adapter nothing at an address it says cannot be one book, and reads only metadata there', () => {
    asked.length = 0;
    const search = adapter({ urlMayBeBook: () => false, notOneBook: () => (asked.push('notOneBook'), false) });
    // The printed number is a listed item's; a campaign page's own JSON-LD may still name its book.
    expect(firstLook([search], printed, url)).toEqual({ kind: 'no-adapter-book', mayHoldBook: false });
    expect(firstLook([search], doc, url)).toEqual({ kind: 'no-adapter-book', mayHoldBook: true });
    expect(firstLook([adapter({ urlMayBeBook: () => true })], printed, url)).toEqual({
      kind: 'no-adapter-book',
      mayHoldBook: true,
    });
    expect(schemaReadersWanted([search], doc, url)).toBe(false);
    expect(asked).toEqual(['notOneBook', 'notOneBook', 'detect']);
  });

  it('asks `notOneBook` only when `detect` found no book, and its yes is final', () => {
    asked.length = 0;
    const reads = adapter({ detect: () => book, notOneBook: () => (asked.push('notOneBook'), true) });
    expect(firstLook([reads], doc, url)).toEqual({ kind: 'adapter-book', ref: book });
    expect(asked).toEqual([]);
    expect(firstLook([adapter({ notOneBook: () => true })], doc, url)).toEqual({ kind: 'not-one-book' });
    expect(firstLook([adapter({ notOneBook: () => false })], doc, url)).toEqual({
      kind: 'no-adapter-book',
      mayHoldBook: true,
    });
    expect(schemaReadersWanted([adapter({ urlMayBeBook: () => true })], doc, url)).toBe(true);
  });

  it("leaves Amazon's products of other departments alone, and its books to the adapter", () => {
    const verdicts = loadManifest()
      .filter((entry) => entry.file.startsWith('amazon/'))
      .map((entry) => {
        const url = new URL(fixtureUrl(entry));
        return [entry.file, firstLook(SITE_ADAPTERS, page(withoutSvgStyles(fixtureHtml(entry))), url).kind] as const;
      });
    // The kitchen robot's page prints "990 950 1090", which an ISBN-10 check digit accepts.
    expect(Object.fromEntries(verdicts.filter(([file]) => /negative-(window-robot|board-game)/.test(file)))).toEqual({
      'amazon/es-negative-window-robot.html': 'not-one-book',
      'amazon/com-negative-board-game.html': 'not-one-book',
    });
    expect(verdicts.filter(([file]) => !file.includes('negative')).map(([, kind]) => kind)).toEqual(
      Array(10).fill('adapter-book'),
    );
  });

  it("takes Goodreads' lists for what they are, and its book pages to the adapter", () => {
    const verdicts = loadManifest()
      .filter((entry) => entry.file.startsWith('goodreads/') && entry.original_url)
      .map((entry) => {
        const doc = page(withoutSvgStyles(fixtureHtml(entry)));
        return [entry.file, firstLook(SITE_ADAPTERS, doc, new URL(fixtureUrl(entry))).kind] as const;
      });
    expect(Object.fromEntries(verdicts)).toEqual({
      'goodreads/strange-planet.html': 'adapter-book',
      'goodreads/house-in-the-cerulean-sea-kindle-nextjs.html': 'adapter-book',
      'goodreads/negative-editions-list.html': 'not-one-book',
      'goodreads/traffic-2016-reviews-page2.html': 'adapter-book',
      'goodreads/1984-nextjs-saved-dom-no-isbn.html': 'adapter-book',
      'goodreads/dungeon-crawler-carl-hardcover.html': 'adapter-book',
      'goodreads/negative-shelf-read-2026.html': 'not-one-book',
      'goodreads/dungeon-crawler-carl-nextjs-logged-out.html': 'adapter-book',
    });
  });
});

describe('the first look on every saved page', () => {
  const entries = loadManifest().map((entry) => {
    const doc = page(withoutSvgStyles(fixtureHtml(entry)));
    return { entry, doc, url: new URL(fixtureUrl(entry)) };
  });

  it.each(entries.map((e) => [e.entry.file, e] as const))('%s: a "no" hides no book', (_file, { doc, url }) => {
    if (!mayHoldBook(doc, url)) expect(detectGeneric(doc, url)).toBeNull();
  });
});
