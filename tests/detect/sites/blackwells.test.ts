// @vitest-environment happy-dom
import { describe } from 'vitest';
import { blackwells } from '../../../lib/detect/sites/blackwells';
import { itDetectsFixtures } from './adapter-cases';

describe("Blackwell's adapter", () => {
  itDetectsFixtures(blackwells, [
    {
      name: 'a product page: the "ISBN 13:" row, not the also-bought link',
      file: 'blackwells/wolf-hall.html',
      url: 'https://blackwells.co.uk/bookshop/product/9780007230204',
      expected: { isbn13: ['9780007230204'], title: 'Wolf Hall', authors: ['Hilary Mantel'] },
    },
    {
      name: 'search results',
      file: 'blackwells/search-hilary-mantel.html',
      url: 'https://blackwells.co.uk/bookshop/search/?keyword=hilary+mantel',
      expected: null,
    },
  ]);
});
