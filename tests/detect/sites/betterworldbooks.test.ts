// @vitest-environment happy-dom
import { describe } from 'vitest';
import { betterWorldBooks } from '../../../lib/detect/sites/betterworldbooks';
import { itDetectsFixtures } from './adapter-cases';

describe('Better World Books adapter', () => {
  itDetectsFixtures(betterWorldBooks, [
    {
      name: 'a product page: the ISBN 13 row, not the other-edition link',
      file: 'betterworldbooks/the-great-gatsby.html',
      url: 'https://www.betterworldbooks.com/product/detail/the-great-gatsby-9780743273565',
      expected: { isbn13: ['9780743273565'], title: 'The Great Gatsby', authors: ['F. Scott Fitzgerald'] },
    },
    {
      name: 'search results',
      file: 'betterworldbooks/search-fitzgerald.html',
      url: 'https://www.betterworldbooks.com/search/results?q=fitzgerald',
      expected: null,
    },
  ]);
});
