// @vitest-environment happy-dom
import { describe } from 'vitest';
import { thriftbooks } from '../../../lib/detect/sites/thriftbooks';
import { itDetectsFixtures } from './adapter-cases';

describe('ThriftBooks adapter', () => {
  itDetectsFixtures(thriftbooks, [
    {
      name: 'a work page reads the selected edition’s ISBN and ISBN13 rows',
      file: 'thriftbooks/work-the-hobbit.html',
      url: 'https://www.thriftbooks.com/w/the-hobbit_jrr-tolkien/247795/#edition=4154530&idiq=8037542',
      expected: { isbn13: ['9780547928227'], title: 'The Hobbit', authors: ['J.R.R. Tolkien'], format: 'print' },
    },
    {
      name: 'browse/search results',
      file: 'thriftbooks/browse-search-hobbit.html',
      url: 'https://www.thriftbooks.com/browse/?b.search=the%20hobbit',
      expected: null,
    },
  ]);
});
