// @vitest-environment happy-dom
import { describe } from 'vitest';
import { fnac } from '../../../lib/detect/sites/fnac';
import { itDetectsFixtures } from './adapter-cases';

describe('Fnac adapter', () => {
  itDetectsFixtures(fnac, [
    {
      name: 'a book: hyphenated ISBN-10 and the EAN name one edition',
      file: 'fnac/l-etranger-folio.html',
      url: 'https://livre.fnac.com/a1938/Albert-Camus-L-etranger',
      expected: { isbn13: ['9782070360024'], title: "L'étranger", authors: ['Albert Camus'], format: 'print' },
    },
    {
      name: 'a non-book product on the same /a<id>/ path',
      file: 'fnac/product-not-a-book.html',
      url: 'https://www.fnac.com/a17513345/Casque-audio-sans-fil',
      expected: null,
    },
    {
      name: 'search results',
      file: 'fnac/search-camus.html',
      url: 'https://recherche.fnac.com/SearchResult/ResultList.aspx?Search=camus',
      expected: null,
    },
  ]);
});
