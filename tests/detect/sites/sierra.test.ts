// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { sierra } from '../../../lib/detect/sites/sierra';
import { itDetectsFixtures } from './adapter-cases';
import { blankDocument, syntheticPage } from './synthetic-page';

const HOST = 'https://catalog.library.example';
const ENCORE = `${HOST}/iii/encore/record/C__Rb2849382__Swestover__P0,1__Orightresult__U__X7?lang=eng&suite=cobalt`;
const EDUCATED = { isbn13: ['9780399590504'], title: 'Educated : a memoir', authors: ['Tara Westover'] };

describe('Sierra / Encore adapter', () => {
  itDetectsFixtures(sierra, [
    {
      name: 'a WebPAC record: ISBN continuation row with an empty label',
      file: 'sierra/webpac-record-educated.html',
      url: `${HOST}/record=b2849382~S1`,
      expected: EDUCATED,
    },
    { name: 'an Encore record', file: 'sierra/encore-record-educated.html', url: ENCORE, expected: EDUCATED },
    {
      name: 'a WebPAC film record: a videodisc without ISBN',
      file: 'sierra/webpac-record-dvd.html',
      url: `${HOST}/record=b3011204~S1`,
      expected: null,
    },
    {
      name: 'a WebPAC result list',
      file: 'sierra/webpac-search-list.html',
      url: `${HOST}/search~S1/?searchtype=X&searcharg=westover`,
      expected: null,
    },
  ]);

  it('reads a one-hit WebPAC search as the record it shows', () => {
    const { doc, url } = syntheticPage(
      'sierra/webpac-record-educated.html',
      `${HOST}/search~S1?/Xwestover/Xwestover/1,1,1,B/frameset&FF=Xwestover&1,1,`,
    );
    expect(sierra.detect(doc, url)?.isbn13).toEqual(['9780399590504']);
  });

  it('points records without an ISBN to their MARC display', () => {
    const webpac = syntheticPage('sierra/webpac-record-educated.html', `${HOST}/record=b2849382~S1`);
    [...webpac.doc.querySelectorAll('tr')]
      .filter((row) => /ISBN|039959/.test(row.textContent ?? ''))
      .forEach((row) => row.remove());
    expect(sierra.detect(webpac.doc, webpac.url)?.recordLink).toBe(
      `${HOST}/search~S1?/.b2849382/.b2849382/1,1,1,B/marc~b2849382`,
    );
    const encore = syntheticPage('sierra/encore-record-educated.html', ENCORE);
    encore.doc.querySelector('tr:last-child')?.remove();
    expect(sierra.detect(encore.doc, encore.url)?.recordLink).toContain('marcData=Y');
  });
});

describe('Sierra / Encore page claims', () => {
  it('claims a WebPAC Pro /search/ page only when it shows bibInfo cells', () => {
    const record = syntheticPage('sierra/webpac-record-educated.html', `${HOST}/search/X?westover`);
    expect(sierra.test(record.url, record.doc)).toBe(true);
    expect(sierra.test(new URL('https://library.na2.iiivega.com/search/card?id=x'), blankDocument())).toBe(false);
  });
});
