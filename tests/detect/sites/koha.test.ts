// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectBookWith } from '../../../lib/detect/detect-with';
import { koha } from '../../../lib/detect/sites/koha';
import { blankDocument, syntheticPage } from './synthetic-page';

const HOST = 'https://catalogue.library.example';

describe('Koha adapter', () => {
  it('recognises Koha by its OPAC path or generator meta on any host', () => {
    expect(koha.test(new URL(`${HOST}/cgi-bin/koha/opac-detail.pl?biblionumber=1`), blankDocument())).toBe(true);
    const { doc } = syntheticPage('koha/detail-sapiens-contents.html', `${HOST}/bib/48213`);
    expect(koha.test(new URL(`${HOST}/bib/48213`), doc)).toBe(true);
    expect(koha.test(new URL(`${HOST}/bib/48213`), blankDocument())).toBe(false);
  });

  it('reads qualified ISBNs, the catalogue title without responsibility, and the 505 contents', () => {
    const { doc, url } = syntheticPage(
      'koha/detail-sapiens-contents.html',
      `${HOST}/cgi-bin/koha/opac-detail.pl?biblionumber=48213`,
    );
    const ref = detectBookWith([koha], doc, url);
    expect(ref).toMatchObject({
      isbn13: ['9780062316097'],
      title: 'Sapiens : a brief history of humankind',
      authors: ['Yuval N. Harari'],
      site: 'koha',
    });
    expect(ref?.recordLink).toBeUndefined();
    expect(ref?.chapters?.slice(0, 3)).toEqual([
      { level: 1, label: 'Part one', title: 'The cognitive revolution' },
      { level: 2, title: 'An animal of no significance' },
      { level: 2, title: 'The tree of knowledge' },
    ]);
    expect(ref?.chapters?.at(-1)).toEqual({ level: 2, title: 'The end of Homo sapiens' });
    expect(ref?.chapters?.filter((chapter) => chapter.level === 1)).toHaveLength(4);
  });

  it('points a record without ISBN to its MARCXML export', () => {
    const { doc, url } = syntheticPage(
      'koha/detail-hobbit-1938-no-isbn.html',
      `${HOST}/cgi-bin/koha/opac-detail.pl?biblionumber=7`,
    );
    expect(koha.detect(doc, url)).toMatchObject({
      isbn13: [],
      title: 'The hobbit, or, There and back again',
      authors: ['J. R. R. Tolkien'],
      recordLink: `${HOST}/cgi-bin/koha/opac-export.pl?op=export&format=marcxml&bib=7`,
    });
  });

  it('returns null on a film record: the material-type icon says visual material', () => {
    const { doc, url } = syntheticPage(
      'koha/detail-dvd-film.html',
      `${HOST}/cgi-bin/koha/opac-detail.pl?biblionumber=912`,
    );
    expect(koha.detect(doc, url)).toBeNull();
  });

  it('returns null on search results', () => {
    const { doc, url } = syntheticPage('koha/search-harari.html', `${HOST}/cgi-bin/koha/opac-search.pl?q=harari`);
    expect(koha.detect(doc, url)).toBeNull();
  });
});
