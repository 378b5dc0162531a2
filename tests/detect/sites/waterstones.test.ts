// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SCHEMA_READERS } from '../../../lib/detect/signals/schema-readers';
import { waterstones } from '../../../lib/detect/sites/waterstones';
import { itDetectsFixtures } from './adapter-cases';
import { syntheticPage } from './synthetic-page';

const BOOK = 'https://www.waterstones.com/book/normal-people/sally-rooney/9780571334650';

describe('Waterstones adapter', () => {
  itDetectsFixtures(waterstones, [
    {
      name: 'a book page with microdata; the hardback in "Other formats" is not reported',
      file: 'waterstones/normal-people-paperback.html',
      url: BOOK,
      expected: { isbn13: ['9780571334650'], title: 'Normal People', authors: ['Sally Rooney'], format: 'print' },
    },
    {
      name: 'search results',
      file: 'waterstones/search-sally-rooney.html',
      url: 'https://www.waterstones.com/books/search/term/sally+rooney',
      expected: null,
    },
  ]);

  it('falls back to the ISBN in the book path', () => {
    const { doc, url } = syntheticPage('waterstones/normal-people-paperback.html', BOOK);
    doc.querySelector('[itemprop="isbn"]')?.remove();
    expect(waterstones.detect(doc, url, SCHEMA_READERS)?.isbn13).toEqual(['9780571334650']);
  });

  it('takes a book path with one slug per contributor as maybe one book, and a search path as none', () => {
    const paths = [
      '/book/good-omens/terry-pratchett/neil-gaiman/9780552171892',
      '/book/normal-people/sally-rooney/9780571334650/',
      '/books/search/term/sally+rooney',
      '/category/fiction',
    ];
    expect(paths.map((path) => waterstones.urlMayBeBook?.(new URL(path, BOOK)))).toEqual([true, true, false, false]);
  });
});
