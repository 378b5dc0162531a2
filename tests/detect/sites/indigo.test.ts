// @vitest-environment happy-dom
import { describe } from 'vitest';
import { indigo } from '../../../lib/detect/sites/indigo';
import { itDetectsFixtures } from './adapter-cases';

describe('Indigo adapter', () => {
  itDetectsFixtures(indigo, [
    {
      name: 'a product page with a Product (not Book) JSON-LD: the details ISBN row',
      file: 'indigo/the-handmaids-tale.html',
      url: 'https://www.indigo.ca/en-ca/the-handmaids-tale/9780385490818.html',
      expected: {
        isbn13: ['9780385490818'],
        title: "The Handmaid's Tale",
        authors: ['Margaret Atwood'],
        format: 'print',
      },
    },
    {
      name: 'search results',
      file: 'indigo/search-atwood.html',
      url: 'https://www.indigo.ca/en-ca/search?q=atwood',
      expected: null,
    },
  ]);
});
