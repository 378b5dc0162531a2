// @vitest-environment happy-dom
import { describe } from 'vitest';
import { storygraph } from '../../../lib/detect/sites/storygraph';
import { itDetectsFixtures } from './adapter-cases';

const BOOK = 'https://app.thestorygraph.com/books/3ef0b1a4-8c4b-4bd8-9d2c-6c8d2a7e4f10';

describe('The StoryGraph adapter', () => {
  itDetectsFixtures(storygraph, [
    {
      name: 'an edition with an ISBN: title is the heading’s own text',
      file: 'storygraph/book-project-hail-mary.html',
      url: BOOK,
      expected: { isbn13: ['9780593135204'], title: 'Project Hail Mary', authors: ['Andy Weir'], format: 'print' },
    },
    {
      name: 'an audio edition whose ISBN/UID is StoryGraph’s own id',
      file: 'storygraph/book-project-hail-mary-audio-uid.html',
      url: 'https://app.thestorygraph.com/books/0c7e5b1a-2f3d-4e8a-9b6c-5d4e3f2a1b00',
      expected: { isbn13: [], title: 'Project Hail Mary', format: 'audio' },
    },
    {
      name: 'browse/search results',
      file: 'storygraph/browse-search.html',
      url: 'https://app.thestorygraph.com/browse?search_term=andy+weir',
      expected: null,
    },
  ]);
});
