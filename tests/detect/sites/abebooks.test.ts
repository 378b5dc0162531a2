// @vitest-environment happy-dom
import { describe } from 'vitest';
import { abebooks } from '../../../lib/detect/sites/abebooks';
import { itDetectsFixtures } from './adapter-cases';

describe('AbeBooks adapter', () => {
  itDetectsFixtures(abebooks, [
    {
      name: 'a listing with meta microdata; the "More editions" link is another edition',
      file: 'abebooks/listing-the-hobbit-2012.html',
      url: 'https://www.abebooks.com/servlet/BookDetailsPL?bi=31587493722',
      expected: { isbn13: ['9780547928227'], title: 'The Hobbit', authors: ['J.R.R. Tolkien'] },
    },
    {
      name: 'a 1937 first edition listing has no ISBN but is one book',
      file: 'abebooks/listing-hobbit-1937-first-edition-no-isbn.html',
      url: 'https://www.abebooks.co.uk/servlet/BookDetailsPL?bi=22693510487',
      expected: { isbn13: [], title: 'The Hobbit or There and Back Again', authors: ['J.R.R. Tolkien'] },
    },
    {
      name: 'the ISBN landing page names its edition in the path',
      file: 'abebooks/listing-the-hobbit-2012.html',
      url: 'https://www.abebooks.com/9780547928227/Hobbit-Tolkien-J.R.R-054792822X/plp',
      expected: { isbn13: ['9780547928227'] },
    },
    {
      name: 'search results',
      file: 'abebooks/search-hobbit.html',
      url: 'https://www.abebooks.com/servlet/SearchResults?kn=hobbit%20tolkien',
      expected: null,
    },
  ]);
});
