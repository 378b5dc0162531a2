// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { indexMetas } from '../../../lib/detect/base/page';
import { readCitation, readDublinCore, readOpenGraph } from '../../../lib/detect/signals/meta';
import { htmlPage, realPage } from './pages';

const metas = (...pairs: [string, string][]) =>
  indexMetas(htmlPage('', pairs.map(([key, content]) => `<meta property="${key}" content="${content}">`).join('')));

describe('Open Graph', () => {
  it('reads og:type book with books:isbn and books:author', () => {
    const reading = readOpenGraph(
      metas(
        ['og:type', 'books.book'],
        ['og:title', 'Mort'],
        ['books:isbn', '9781473200104'],
        ['books:author', 'Terry Pratchett'],
      ),
    );
    expect(reading).toMatchObject({
      signal: 'og',
      isBook: true,
      isbns: ['9781473200104'],
      title: 'Mort',
      authors: ['Terry Pratchett'],
    });
  });

  it('takes og:type product only with an ISBN-valued product field', () => {
    expect(readOpenGraph(metas(['og:type', 'product'], ['product:retailer_item_id', '9783453321892']))).toMatchObject({
      isBook: true,
      isbns: ['9783453321892'],
    });
    const grocery = readOpenGraph(metas(['og:type', 'product'], ['og:upc', '4006381333931']));
    expect(grocery).toMatchObject({ isBook: false, isbns: [] });
    const badChecksum = readOpenGraph(metas(['og:type', 'product'], ['product:retailer_item_id', '9783453321893']));
    expect(badChecksum.isBook).toBe(false);
  });

  it('ignores an ISBN field on a page typed something else (an article)', () => {
    expect(readOpenGraph(metas(['og:type', 'article'], ['books:isbn', '9781473200104']))).toMatchObject({
      isBook: false,
      isbns: [],
    });
  });

  it('leaves author profile links out of the authors', () => {
    const reading = readOpenGraph(metas(['og:type', 'book'], ['books:author', 'https://example.org/author/1']));
    expect(reading.authors).toEqual([]);
  });

  it('reads the real LibraryThing work page’s books:isbn', () => {
    const { doc } = realPage('librarything/work-pemberley.html');
    expect(readOpenGraph(indexMetas(doc))).toMatchObject({ isBook: true, isbns: ['0312107935'] });
  });

  it('reads the real Aladin page’s books.book type', () => {
    const { doc } = realPage('aladin/space-of-the-future-ko.html');
    expect(readOpenGraph(indexMetas(doc))).toMatchObject({ isBook: true, isbns: ['9788932474427'] });
  });
});

describe('citation and Dublin Core metadata', () => {
  it('reads citation_isbn, title and authors', () => {
    const reading = readCitation(
      metas(['citation_isbn', '9780385349949'], ['citation_title', 'Lean in'], ['citation_author', 'Sheryl Sandberg']),
    );
    expect(reading).toMatchObject({ isbns: ['9780385349949'], title: 'Lean in', authors: ['Sheryl Sandberg'] });
  });

  it('takes DC.identifier only when it spells out an ISBN', () => {
    expect(readDublinCore(metas(['dc.identifier', 'urn:isbn:9780385349949'])).isbns).toEqual(['9780385349949']);
    expect(readDublinCore(metas(['dc.identifier', 'ISBN 0-306-40615-2'])).isbns).toEqual(['0-306-40615-2']);
    expect(readDublinCore(metas(['dc.identifier', 'doi:10.1000/182'])).isbns).toEqual([]);
  });

  it('reads PRISM ISBNs and the DC format', () => {
    const reading = readDublinCore(metas(['prism.eisbn', '9781473200104'], ['dc.format', 'ebook']));
    expect(reading).toMatchObject({ isbns: ['9781473200104'], format: 'ebook' });
  });

  it('finds no citation or Dublin Core ISBN on a real shop page that has none', () => {
    const { doc } = realPage('bol/europa-garton-ash.html');
    expect(readCitation(indexMetas(doc)).isbns).toEqual([]);
    expect(readDublinCore(indexMetas(doc)).isbns).toEqual([]);
  });
});
