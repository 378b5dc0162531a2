// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { bibliocommons } from '../../../lib/detect/sites/bibliocommons';
import { itDetectsFixtures } from './adapter-cases';
import { syntheticPage } from './synthetic-page';

const RECORD = 'https://vpl.bibliocommons.com/v2/record/S38C5948493';

describe('BiblioCommons adapter', () => {
  itDetectsFixtures(bibliocommons, [
    {
      name: "a record page reads its own bib from the store, not a related title's",
      file: 'bibliocommons/record-project-hail-mary.html',
      url: RECORD,
      expected: {
        isbn13: ['9780593135204'],
        title: 'Project Hail Mary: A Novel',
        authors: ['Andy Weir'],
        format: 'print',
      },
    },
    {
      name: 'the MARC view reads 020 $a, not the cancelled $z',
      file: 'bibliocommons/originalrecord-project-hail-mary.html',
      url: `${RECORD}/originalrecord`,
      expected: { isbn13: ['9780593135204'], title: 'Project Hail Mary : a novel', authors: ['Andy Weir'] },
    },
    {
      name: 'search results',
      file: 'bibliocommons/search-andy-weir.html',
      url: 'https://vpl.bibliocommons.com/v2/search?query=andy+weir&searchType=smart',
      expected: null,
    },
  ]);

  it('points at the MARC view when the page shows no ISBN', () => {
    const { doc, url } = syntheticPage('bibliocommons/record-project-hail-mary.html', RECORD);
    const store = doc.querySelector('script[data-iso-key="_0"]');
    if (store) {
      store.textContent = (store.textContent ?? '').replace(/"isbns":\["9780593135204","0593135202"\]/, '"isbns":[]');
    }
    const ref = bibliocommons.detect(doc, url);
    expect(ref).toMatchObject({
      isbn13: [],
      title: 'Project Hail Mary: A Novel',
      recordLink: `${RECORD}/originalrecord`,
    });
  });

  it('gives no recordLink when the store names the ISBN', () => {
    const { doc, url } = syntheticPage('bibliocommons/record-project-hail-mary.html', RECORD);
    expect(bibliocommons.detect(doc, url)?.recordLink).toBeUndefined();
  });

  it('falls back to og:title when the store is missing', () => {
    const { doc, url } = syntheticPage('bibliocommons/record-project-hail-mary.html', RECORD);
    doc.querySelector('script[data-iso-key="_0"]')?.remove();
    expect(bibliocommons.detect(doc, url)).toMatchObject({
      title: 'Project Hail Mary',
      isbn13: [],
      recordLink: `${RECORD}/originalrecord`,
    });
  });

  it('does not report a film record as a book', () => {
    const { doc, url } = syntheticPage('bibliocommons/record-project-hail-mary.html', RECORD);
    const store = doc.querySelector('script[data-iso-key="_0"]');
    if (store) store.textContent = (store.textContent ?? '').replace('"format":"BK"', '"format":"DVD"');
    expect(bibliocommons.detect(doc, url)).toBeNull();
  });
});
