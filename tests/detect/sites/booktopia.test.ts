// @vitest-environment happy-dom
import { describe } from 'vitest';
import { booktopia } from '../../../lib/detect/sites/booktopia';
import { itDetectsFixtures } from './adapter-cases';

describe('Booktopia adapter', () => {
  itDetectsFixtures(booktopia, [
    {
      name: 'a print book page',
      file: 'booktopia/boy-swallows-universe.html',
      url: 'https://www.booktopia.com.au/boy-swallows-universe-trent-dalton/book/9781460753897.html',
      expected: {
        isbn13: ['9781460753897'],
        title: 'Boy Swallows Universe',
        authors: ['Trent Dalton'],
        format: 'print',
      },
    },
    {
      name: 'search results',
      file: 'booktopia/search-trent-dalton.html',
      url: 'https://www.booktopia.com.au/search.ep?keywords=trent+dalton',
      expected: null,
    },
  ]);
});
