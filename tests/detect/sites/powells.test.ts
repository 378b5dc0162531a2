// @vitest-environment happy-dom
import { describe } from 'vitest';
import { powells } from '../../../lib/detect/sites/powells';
import { itDetectsFixtures } from './adapter-cases';

describe("Powell's adapter", () => {
  itDetectsFixtures(powells, [
    {
      name: 'a product page: the details "ISBN:" row',
      file: 'powells/demon-copperhead.html',
      url: 'https://www.powells.com/book/demon-copperhead-9780063251922',
      expected: { isbn13: ['9780063251922'], title: 'Demon Copperhead', authors: ['Barbara Kingsolver'] },
    },
    {
      name: 'search results',
      file: 'powells/searchresults-kingsolver.html',
      url: 'https://www.powells.com/searchresults?keyword=kingsolver',
      expected: null,
    },
  ]);
});
