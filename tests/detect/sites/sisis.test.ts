// @vitest-environment happy-dom
import { describe } from 'vitest';
import { sisis } from '../../../lib/detect/sites/sisis';
import { itDetectsFixtures } from './adapter-cases';

const HOST = 'https://opac.bibliothek.example';

describe('SISIS-SunRise adapter', () => {
  itDetectsFixtures(sisis, [
    {
      name: 'a record: inline German labels, the subtitle from "Zusatz", ISBN with binding and price',
      file: 'sisis/singlehit-ueber-menschen.html',
      url: `${HOST}/webOPACClient/singleHit.do?methodToCall=showHit&curPos=1&identifier=2_SOLR_SERVER_1862263587`,
      expected: { isbn13: ['9783630876672'], title: 'Über Menschen : Roman', authors: ['Juli Zeh'] },
    },
    {
      name: 'a film on DVD: an EAN, no ISBN',
      file: 'sisis/singlehit-dvd-film.html',
      url: `${HOST}/webOPACClient/singleHit.do?methodToCall=showHit&curPos=3&identifier=2_SOLR_SERVER_1700000001`,
      expected: null,
    },
    {
      name: 'a hit list',
      file: 'sisis/hitlist-juli-zeh.html',
      url: `${HOST}/webOPACClient/search.do?methodToCall=quickSearch&Kateg=0&Content=juli+zeh`,
      expected: null,
    },
  ]);
});
