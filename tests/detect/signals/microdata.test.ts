// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readMicrodataBook } from '../../../lib/detect/signals/microdata';
import { readMicrodata } from '../../../lib/detect/signals/schema';
import { htmlPage, realPage } from './pages';

describe('the microdata reading adapters import', () => {
  it('is the schema.org microdata reader', () => {
    expect(readMicrodataBook).toBe(readMicrodata);
  });

  it('reads a Product with a 979 gtin13 as a book and one with a music EAN as none', () => {
    const product = (gtin: string) =>
      htmlPage(`<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Picture book</span>
        <span itemprop="gtin13">${gtin}</span></div>`);
    expect(readMicrodataBook(product('9798585422768'))).toMatchObject({ isBook: true, isbns: ['9798585422768'] });
    expect(readMicrodataBook(product('0602547924036')).isBook).toBe(false);
  });

  it('reads a MusicAlbum scope as not a book', () => {
    const doc = htmlPage(
      `<div itemscope itemtype="http://schema.org/MusicAlbum"><span itemprop="name">Hits</span></div>`,
    );
    expect(readMicrodataBook(doc).notBook).toBe(true);
  });

  it('reads the real StripInfo album’s ISBN-10 from its microdata', () => {
    const { doc } = realPage('stripinfo/de-boom-van-de-twee-lentes-1.html');
    expect(readMicrodataBook(doc)).toMatchObject({ isBook: true, isbns: ['905581315X'] });
  });

  it('calls the real Babelio page’s several microdata books a list', () => {
    const { doc } = realPage('babelio/nos-etoiles-contraires-latin1.html');
    expect(readMicrodataBook(doc).isList).toBe(true);
  });
});
