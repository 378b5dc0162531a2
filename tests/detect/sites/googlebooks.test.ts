// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { googleBooks } from '../../../lib/detect/sites/googlebooks';
import { blankDocument, syntheticPage } from './synthetic-page';

describe('Google Books adapter', () => {
  it('claims books.google.* and google.com/books/ pages only', () => {
    const doc = blankDocument();
    expect(googleBooks.test(new URL('https://books.google.co.uk/books?id=pD6arNyKyi8C'), doc)).toBe(true);
    expect(googleBooks.test(new URL('https://www.google.com/books/edition/The_Hobbit/pD6arNyKyi8C'), doc)).toBe(true);
    expect(googleBooks.test(new URL('https://www.google.com/search?q=hobbit'), doc)).toBe(false);
  });

  it('reads the classic bibliographic table; the 10- and 13-form collapse to one ISBN', () => {
    const { doc, url } = syntheticPage(
      'googlebooks/about-the-hobbit.html',
      'https://books.google.com/books/about/The_Hobbit.html?id=pD6arNyKyi8C',
    );
    expect(googleBooks.detect(doc, url)).toMatchObject({
      isbn13: ['9780547928227'],
      title: 'The Hobbit',
      authors: ['J.R.R. Tolkien'],
      site: 'googlebooks',
    });
  });

  it('reads the new edition layout by its visible ISBN label', () => {
    const { doc, url } = syntheticPage(
      'googlebooks/edition-the-hobbit-new-layout.html',
      'https://www.google.com/books/edition/The_Hobbit/pD6arNyKyi8C',
    );
    expect(googleBooks.detect(doc, url)).toMatchObject({
      isbn13: ['9780547928227'],
      title: 'The Hobbit',
      authors: ['J.R.R. Tolkien'],
    });
  });

  it('keeps a scanned book without ISBN as a book with no ISBN', () => {
    const { doc, url } = syntheticPage(
      'googlebooks/about-pride-and-prejudice-1853-no-isbn.html',
      'https://books.google.com/books?id=s1gVAAAAYAAJ',
    );
    expect(googleBooks.detect(doc, url)).toMatchObject({
      isbn13: [],
      title: 'Pride and Prejudice',
      authors: ['Jane Austen'],
    });
  });

  it('returns null on a search results page', () => {
    const { doc, url } = syntheticPage('googlebooks/search-tolkien.html', 'https://books.google.com/books?q=tolkien');
    expect(googleBooks.detect(doc, url)).toBeNull();
  });
});
