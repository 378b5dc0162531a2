// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { evergreen } from '../../../lib/detect/sites/evergreen';
import { itDetectsFixtures } from './adapter-cases';
import { syntheticPage } from './synthetic-page';

const HOST = 'https://catalog.consortium.example';

describe('Evergreen adapter', () => {
  itDetectsFixtures(evergreen, [
    {
      name: 'a TPAC record page: ISBN values, author heading with dates and relator',
      file: 'evergreen/record-klara-and-the-sun.html',
      url: `${HOST}/eg/opac/record/4512877?locg=1`,
      expected: { isbn13: ['9780593318171'], title: 'Klara and the sun', authors: ['Kazuo Ishiguro'] },
    },
    {
      name: 'search results',
      file: 'evergreen/results-ishiguro.html',
      url: `${HOST}/eg/opac/results?query=ishiguro&qtype=keyword`,
      expected: null,
    },
  ]);

  it('points a record without ISBN to its SuperCat MARCXML', () => {
    const { doc, url } = syntheticPage('evergreen/record-klara-and-the-sun.html', `${HOST}/eg/opac/record/4512877`);
    doc.querySelector('.rdetail_isbns')?.remove();
    expect(evergreen.detect(doc, url)?.recordLink).toBe(`${HOST}/opac/extras/supercat/retrieve/marcxml/record/4512877`);
  });
});
