// @vitest-environment happy-dom
import { describe } from 'vitest';
import { foyles } from '../../../lib/detect/sites/foyles';
import { itDetectsFixtures } from './adapter-cases';

describe('Foyles adapter', () => {
  itDetectsFixtures(foyles, [
    {
      name: 'a book page: the product information ISBN row',
      file: 'foyles/seven-husbands-of-evelyn-hugo.html',
      url: 'https://www.foyles.co.uk/book/the-seven-husbands-of-evelyn-hugo/taylor-jenkins-reid/9781398515697',
      expected: {
        isbn13: ['9781398515697'],
        title: 'The Seven Husbands of Evelyn Hugo',
        authors: ['Taylor Jenkins Reid'],
      },
    },
    {
      name: 'search results',
      file: 'foyles/search-taylor-jenkins-reid.html',
      url: 'https://www.foyles.co.uk/search?term=taylor+jenkins+reid',
      expected: null,
    },
  ]);
});
