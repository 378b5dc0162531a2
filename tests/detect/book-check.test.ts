// @vitest-environment happy-dom
/**
 * The book check: an adapter's book against the page's own metadata, given
 * the chapters of the contents the adapter found as printed, or of a
 * contents heading's list when it found none.
 */
import { describe, expect, it } from 'vitest';
import { checkAdapterBook } from '../../lib/detect/book-check';
import type { AdapterBook } from '../../lib/detect/base/types';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<body>${body}</body>`, 'text/html');
}

const book: AdapterBook = {
  isbn13: ['9780062316097'],
  title: 'Sapiens',
  authors: ['Yuval Noah Harari'],
  site: 'koha',
  signals: ['site:koha'],
};
const headingList = '<h2>Table of contents</h2><ol><li>Heading one</li><li>Heading two</li></ol>';

describe('checkAdapterBook', () => {
  it('reads one contents note by its separators, several entries as listed, and drops them from the book', () => {
    const noted = checkAdapterBook({ ...book, contents: ['1. One -- 2. Two -- 3. Three'] }, page(headingList));
    expect(noted?.chapters?.map((chapter) => chapter.title)).toEqual(['One', 'Two', 'Three']);
    expect(noted).not.toHaveProperty('contents');
    const listed = checkAdapterBook({ ...book, contents: ['Alpha -- not split', 'Two'] }, page(''));
    expect(listed?.chapters?.map((chapter) => chapter.title)).toEqual(['Alpha -- not split', 'Two']);
  });

  it("reads a contents heading's list where the adapter's contents give no chapters", () => {
    for (const contents of [undefined, [''], ['   ']]) {
      const checked = checkAdapterBook({ ...book, ...(contents ? { contents } : {}) }, page(headingList));
      expect(checked?.chapters?.map((chapter) => chapter.title)).toEqual(['Heading one', 'Heading two']);
      expect(checked).not.toHaveProperty('contents');
    }
  });

  it('keeps chapters the adapter read itself, and drops a book whose page metadata names a film', () => {
    const chapters = [{ level: 1, title: 'Own' }];
    expect(checkAdapterBook({ ...book, chapters, contents: ['1. Other'] }, page(headingList))?.chapters).toEqual(
      chapters,
    );
    const film = page('<div itemscope itemtype="https://schema.org/Movie"></div>');
    expect(checkAdapterBook(book, film)).toBeNull();
  });
});
