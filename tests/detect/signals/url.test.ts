import { describe, expect, it } from 'vitest';
import { isNotOneBookUrl, readUrlIsbn } from '../../../lib/detect/signals/url';
import { loadManifest } from '../../../scripts/fixture-manifest';

describe('what an address says', () => {
  it('calls searches, lists, carts, accounts and author pages not one book', () => {
    for (const url of [
      'https://www.bol.com/be/nl/s/asimov+foundation/',
      'https://shop.example/search?q=mort',
      'https://opac.example/cgi-bin/koha/opac-search.pl?q=x',
      'https://opac.example/Search/Results?lookfor=hesse',
      'https://opac.example/MyResearch/CheckedOut',
      'https://shop.example/cart',
      'https://shop.example/warenkorb',
      'https://www.babelio.com/auteur/John-Green/97',
      'https://shop.example/list/best-of-2024',
    ]) {
      expect(isNotOneBookUrl(new URL(url)), url).toBe(true);
    }
  });

  it('leaves product and record pages alone, an empty search parameter included', () => {
    for (const url of [
      'https://www.bol.com/nl/nl/f/europa/9300000142950716/',
      'https://book.douban.com/subject/36665775/',
      'https://www.isfdb.org/cgi-bin/pl.cgi?542125',
      'https://shop.example/product/mort?q=',
      'https://shop.example/research-methods-book',
    ]) {
      expect(isNotOneBookUrl(new URL(url)), url).toBe(false);
    }
  });

  it('reads an ISBN that is a whole path segment, not one in the query', () => {
    expect(readUrlIsbn(new URL('https://www.bookfinder.com/isbn/9780441020348/')).isbns).toEqual(['9780441020348']);
    expect(readUrlIsbn(new URL('https://shop.example/book/0-306-40615-2.html')).isbns).toEqual(['0-306-40615-2']);
    expect(readUrlIsbn(new URL('https://shop.example/book?isbn=9780441020348')).isbns).toEqual([]);
    expect(readUrlIsbn(new URL('https://shop.example/search/9780441020348')).isbns).toEqual([]);
  });

  it('drops a path number whose check digit is wrong (an order or product id)', () => {
    expect(readUrlIsbn(new URL('https://shop.example/p/9780441020349')).isbns).toEqual([]);
    expect(readUrlIsbn(new URL('https://www.amazon.com/dp/B08Y3XFV5W')).isbns).toEqual([]);
  });

  it('never calls a real book page’s own address a search or list', () => {
    const books = loadManifest().filter((entry) => !entry.synthetic && entry.expected && entry.original_url);
    expect(books.length).toBeGreaterThan(30);
    for (const entry of books) {
      // DNB's record pages are reached through its list view: the adapter reads them, not the URL signal.
      if (entry.file.startsWith('dnb/')) continue;
      expect(isNotOneBookUrl(new URL(entry.original_url!)), entry.file).toBe(false);
    }
  });

  it('calls the real search pages’ addresses searches', () => {
    const searches = loadManifest().filter(
      (entry) => !entry.synthetic && entry.page_type === 'negative-search' && entry.original_url,
    );
    expect(searches.length).toBeGreaterThan(5);
    const caught = searches.filter((entry) => isNotOneBookUrl(new URL(entry.original_url!)));
    expect(caught.map((entry) => entry.file)).toEqual(searches.map((entry) => entry.file));
  });
});
