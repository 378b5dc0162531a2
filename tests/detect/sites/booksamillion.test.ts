// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { booksAMillion } from '../../../lib/detect/sites/booksamillion';
import { itDetectsFixtures } from './adapter-cases';
import { syntheticPage } from './synthetic-page';

const PRODUCT = 'https://www.booksamillion.com/p/Seven-Husbands-Evelyn-Hugo/Taylor-Jenkins-Reid/9781501161933';

describe('Books-A-Million adapter', () => {
  itDetectsFixtures(booksAMillion, [
    {
      name: 'a product page: the ISBN-13 row',
      file: 'booksamillion/seven-husbands-of-evelyn-hugo.html',
      url: PRODUCT,
      expected: {
        isbn13: ['9781501161933'],
        title: 'The Seven Husbands of Evelyn Hugo',
        authors: ['Taylor Jenkins Reid'],
      },
    },
    {
      name: 'search results',
      file: 'booksamillion/search-taylor-jenkins-reid.html',
      url: 'https://www.booksamillion.com/search?query=taylor%20jenkins%20reid',
      expected: null,
    },
  ]);

  it('ignores a /p/ product whose last path segment is an item number, not an ISBN', () => {
    const { doc } = syntheticPage('booksamillion/seven-husbands-of-evelyn-hugo.html', PRODUCT);
    expect(
      booksAMillion.detect(doc, new URL('https://www.booksamillion.com/p/Elder-Wand/Noble-Collection/Q9982412')),
    ).toBeNull();
  });
});
