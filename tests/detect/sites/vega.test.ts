// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { vega } from '../../../lib/detect/sites/vega';
import { itDetectsFixtures } from './adapter-cases';
import { blankDocument } from './synthetic-page';

const CARD =
  'https://library.na2.iiivega.com/search/card?id=4f6e2d1c-9b8a-5c7d-a3e1-0f2b4c6d8e9a&entityType=FormatGroup';

describe('Vega Discover adapter', () => {
  itDetectsFixtures(vega, [
    {
      name: 'a format-group card lists two editions’ ISBNs, so none is reported',
      file: 'vega/card-klara-and-the-sun.html',
      url: CARD,
      expected: { isbn13: [], title: 'Klara and the Sun', authors: ['Kazuo Ishiguro'] },
    },
    {
      name: 'the same card opened by bib record, as libraries link it',
      file: 'vega/card-klara-and-the-sun.html',
      url: 'https://nypl.na2.iiivega.com/search/card?recordId=21678146',
      expected: { isbn13: [], title: 'Klara and the Sun', authors: ['Kazuo Ishiguro'] },
    },
    {
      name: 'search results',
      file: 'vega/results-klara.html',
      url: 'https://library.na2.iiivega.com/search?query=klara&searchType=everything',
      expected: null,
    },
  ]);

  it('returns null before the app has rendered the card', () => {
    expect(vega.detect(blankDocument(), new URL(CARD))).toBeNull();
  });
});
