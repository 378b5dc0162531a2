// @vitest-environment happy-dom
import { describe } from 'vitest';
import { thalia } from '../../../lib/detect/sites/thalia';
import { itDetectsFixtures } from './adapter-cases';

describe('Thalia adapter', () => {
  itDetectsFixtures(thalia, [
    {
      name: 'an article page: the Artikeldetails ISBN, not the recommendation',
      file: 'thalia/ueber-menschen.html',
      url: 'https://www.thalia.de/shop/home/artikeldetails/A1061396357',
      expected: { isbn13: ['9783630876672'], title: 'Über Menschen', authors: ['Juli Zeh'], format: 'print' },
    },
    {
      name: 'search results',
      file: 'thalia/suche-juli-zeh.html',
      url: 'https://www.thalia.de/suche?sq=juli+zeh',
      expected: null,
    },
  ]);
});
