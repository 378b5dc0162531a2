// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { polaris } from '../../../lib/detect/sites/polaris';
import { itDetectsFixtures } from './adapter-cases';
import { syntheticPage } from './synthetic-page';

const TITLE = 'https://catalog.library.example/polaris/search/title.aspx?ctx=1.1033.0.0.1&pos=1&cn=1523847';

describe('Polaris PowerPAC adapter', () => {
  itDetectsFixtures(polaris, [
    {
      name: 'a full title display read by its labels',
      file: 'polaris/title-where-the-crawdads-sing.html',
      url: TITLE,
      expected: { isbn13: ['9780735219090'], title: 'Where the crawdads sing', authors: ['Delia Owens'] },
    },
    {
      name: 'a film: Format DVD, no ISBN',
      file: 'polaris/title-where-the-crawdads-sing-dvd.html',
      url: 'https://catalog.library.example/polaris/search/title.aspx?ctx=1.1033.0.0.1&pos=2&cn=1611203',
      expected: null,
    },
    {
      name: 'search results',
      file: 'polaris/searchresults-crawdads.html',
      url: 'https://catalog.library.example/polaris/search/searchresults.aspx?ctx=1.1033.0.0.1&type=Keyword&term=crawdads',
      expected: null,
    },
  ]);

  it('points a record without an ISBN row to the MARC view of the same position', () => {
    const { doc, url } = syntheticPage('polaris/title-where-the-crawdads-sing.html', TITLE);
    [...doc.querySelectorAll('tr')].find((row) => row.textContent?.includes('ISBN'))?.remove();
    expect(polaris.detect(doc, url)?.recordLink).toBe(
      'https://catalog.library.example/polaris/search/components/ajaxMARC.aspx?fp=0&pos=1&ctx=1.1033.0.0.1',
    );
  });
});
