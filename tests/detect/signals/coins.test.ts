// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseCoins, readCoins } from '../../../lib/detect/signals/coins';
import { htmlPage, realPage } from './pages';

const span = (query: string) => `<span class="Z3988" title="${query.replace(/&/g, '&amp;')}"></span>`;
const BOOK =
  'ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook&rft.genre=book&rft.btitle=Mort&rft.au=Terry+Pratchett&rft.isbn=9781473200104';

describe('COinS', () => {
  it('reads a book span: genre, title, author and ISBN', () => {
    expect(readCoins(htmlPage(span(BOOK)))).toMatchObject({
      signal: 'coins',
      isBook: true,
      isList: false,
      isbns: ['9781473200104'],
      title: 'Mort',
      authors: ['Terry Pratchett'],
    });
  });

  it('takes ISBNs from rft_id urn:isbn and joins aufirst and aulast', () => {
    const reading = parseCoins('rft_id=urn%3AISBN%3A9780385349949&rft.aulast=Sandberg&rft.aufirst=Sheryl');
    expect(reading).toMatchObject({ isbns: ['9780385349949'], authors: ['Sheryl Sandberg'] });
  });

  it('calls several spans a list', () => {
    expect(readCoins(htmlPage(span(BOOK) + span(BOOK.replace('Mort', 'Nemesis'))))).toMatchObject({
      isList: true,
      isBook: false,
    });
  });

  it('says a journal, an article or a DVD record is not a book', () => {
    expect(parseCoins('rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal&rft.jtitle=Nature').notBook).toBe(true);
    expect(parseCoins('rft.genre=article&rft.atitle=On+things').notBook).toBe(true);
    expect(parseCoins('rft.genre=book&rft.format=DVD&rft.title=Film').notBook).toBe(true);
    expect(parseCoins(BOOK).notBook).toBe(false);
  });

  it('reads the record format a catalogue puts in rft.format', () => {
    expect(parseCoins('rft.genre=book&rft.format=eBook&rft.title=Mort').format).toBe('ebook');
  });

  it('reads the real WorldCat record’s span', () => {
    const { doc } = realPage('worldcat/lean-in-2016-escaped.html');
    expect(readCoins(doc)).toMatchObject({
      isBook: true,
      title: 'Lean in : women, work, and the will to lead',
      authors: ['Sheryl Sandberg'],
    });
    expect(readCoins(doc).isbns).toContain('9780385349949');
  });

  it('reads the real VuFind record’s span (a title, no ISBN)', () => {
    const { doc } = realPage('library-vufind/smartbib-kreis-re-4-farben-mensch.html');
    expect(readCoins(doc)).toMatchObject({
      isList: false,
      notBook: false,
      title: 'Der 4-Farben-Mensch : der Weg zum inneren Gleichgewicht',
    });
  });
});
