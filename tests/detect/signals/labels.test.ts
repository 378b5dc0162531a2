// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Field } from '../../../lib/detect/signals/field-kinds';
import { inOtherItems, labelledFields, leadingIsbns, readLabels } from '../../../lib/detect/signals/labels';
import { htmlPage, realPage } from './pages';

const SHOP = new URL('https://shop.example/product/1234');
const details = (rows: string) => `<h1>Mort</h1><table class="product-details">${rows}</table>`;
const row = (label: string, value: string) => `<tr><th>${label}</th><td>${value}</td></tr>`;

describe('labelled fields', () => {
  it('finds label and value in th/td, dt/dd, b + text and span pairs', () => {
    const doc = htmlPage(`
      <table><tr><th>ISBN-13</th><td>978-1-4732-0010-4</td></tr></table>
      <dl><dt>Auteur :</dt><dd>Terry Pratchett</dd></dl>
      <p><b>Format:</b> Paperback</p>
      <div><span>Titel</span><span>Mort</span></div>`);
    const fields = labelledFields(doc).map(({ field, text }) => [field, text]);
    expect(fields).toEqual([
      [Field.Isbn, '978-1-4732-0010-4'],
      [Field.Author, 'Terry Pratchett'],
      [Field.Format, 'Paperback'],
      [Field.Title, 'Mort'],
    ]);
  });

  it('knows localized and combined ISBN labels', () => {
    for (const label of [
      'ISBN',
      'ISBN-13',
      'EAN',
      'EAN13',
      'ISBN/EAN',
      'Code ISBN',
      'Código ISBN',
      '国際標準図書番号',
      'ISBN 13 コード',
    ]) {
      const doc = htmlPage(`<table><tr><th>${label}</th><td>9781473200104</td></tr></table>`);
      expect(
        labelledFields(doc).map((field) => field.field),
        label,
      ).toEqual([Field.Isbn]);
    }
  });

  it('ignores labels in navigation, forms, links and hidden blocks', () => {
    const doc = htmlPage(`
      <nav><span>ISBN</span> 9781473200104</nav>
      <select><option>ISBN 9781473200104</option></select>
      <a href="/x">ISBN 9781473200104</a>
      <div hidden><b>ISBN</b> 9781473200104</div>`);
    expect(labelledFields(doc)).toEqual([]);
  });

  it('takes the ISBNs a value starts with, not numbers further on', () => {
    expect(leadingIsbns('978-1-4732-0010-4 (hbk) ; 9783453321892 (ePub)')).toEqual(['9781473200104', '9783453321892']);
    expect(leadingIsbns('Paperback, 288 pages, see also 9783453321892')).toEqual([]);
  });
});

describe('a labelled ISBN on a one-product page', () => {
  it('is the book, with the title and author rows of its record', () => {
    const doc = htmlPage(
      details(row('ISBN', '9781473200104') + row('Author', 'Terry Pratchett') + row('Title', 'Mort')),
    );
    expect(readLabels(doc, SHOP)).toMatchObject({
      signal: 'label',
      isBook: true,
      isList: false,
      isbns: ['9781473200104'],
      title: 'Mort',
      authors: ['Terry Pratchett'],
    });
  });

  it('drops an ISBN whose check digit is wrong', () => {
    const doc = htmlPage(details(row('ISBN', '9781473200105')));
    expect(readLabels(doc, SHOP)).toMatchObject({ isBook: false, isbns: [] });
  });

  it('keeps a record’s edition set (print, PDF, ePub) in one block as one book', () => {
    const doc = htmlPage(
      details(
        row('ISBN', '9781473200104 (print)') + row('ISBN', '9783453321892 (PDF)') + row('ISBN', '9780385349949 (ePub)'),
      ),
    );
    expect(readLabels(doc, SHOP)).toMatchObject({
      isBook: true,
      isList: false,
      isbns: ['9781473200104', '9783453321892', '9780385349949'],
    });
  });

  it('calls different ISBN labels in different blocks not one book', () => {
    const doc = htmlPage(
      `<div><h2>Mort</h2><dl><dt>ISBN</dt><dd>9781473200104</dd></dl></div>
       <div><h2>Nemesis</h2><dl><dt>ISBN</dt><dd>9783453321892</dd></dl></div>`,
    );
    expect(readLabels(doc, SHOP)).toMatchObject({ isList: true, isBook: false });
  });

  it('calls two product blocks inside one layout table two records', () => {
    const product = (isbn: string) =>
      `<div><p><span>EAN13:</span><span>${isbn}</span></p><p><span>Format:</span><span>Broché</span></p></div>`;
    const doc = htmlPage(
      `<table><tr><td><div>${product('9781473200104')}${product('9783453321892')}</div></td></tr></table>`,
    );
    expect(readLabels(doc, SHOP)).toMatchObject({ isList: true, isBook: false });
  });

  it('lets the address decide between blocks when it names one of their ISBNs', () => {
    const doc = htmlPage(
      `<div><dl><dt>ISBN</dt><dd>9781473200104</dd></dl></div>
       <div><dl><dt>ISBN</dt><dd>9783453321892</dd></dl></div>`,
    );
    expect(readLabels(doc, new URL('https://shop.example/book/9783453321892'))).toMatchObject({
      isList: false,
      isbns: ['9783453321892'],
    });
  });

  it('calls a table whose rows each carry a title and an ISBN a list (a shelf)', () => {
    const item = (title: string, isbn: string) =>
      `<tr><td><label>title</label><div>${title}</div></td><td><label>isbn13</label><div>${isbn}</div></td></tr>`;
    const doc = htmlPage(`<table>${item('Mort', '9781473200104')}${item('Nemesis', '9783453321892')}</table>`);
    expect(readLabels(doc, SHOP)).toMatchObject({ isList: true, isBook: false });
  });

  it('calls ISBNs that all sit in results, carts or accounts a list', () => {
    for (const container of ['search-results', 'cart', 'myAccount', 'loans']) {
      const doc = htmlPage(`<div class="${container}">${details(row('ISBN', '9781473200104'))}</div>`);
      expect(readLabels(doc, SHOP), container).toMatchObject({ isList: true, isBook: false });
      expect(inOtherItems(doc.querySelector('td')!), container).toBe(true);
    }
  });

  it('takes no ISBN from a carousel of other editions, nor calls the page a list for it', () => {
    for (const container of ['carousel', 'related-products', 'also-bought']) {
      const doc = htmlPage(
        `<h1>Comanche 1</h1><div class="${container}">${details(row('ISBN', '9781473200104'))}</div>`,
      );
      expect(readLabels(doc, SHOP), container).toMatchObject({ isList: false, isBook: false, isbns: [] });
      expect(inOtherItems(doc.querySelector('td')!), container).toBe(true);
    }
  });

  it('leaves a recommendations carousel out of the product’s own record', () => {
    const doc = htmlPage(
      details(row('ISBN', '9781473200104')) +
        `<div class="related-products"><dl><dt>ISBN</dt><dd>9783453321892</dd></dl></div>`,
    );
    expect(readLabels(doc, SHOP)).toMatchObject({ isBook: true, isbns: ['9781473200104'] });
  });

  it('says a periodical, CD or DVD record is not a book', () => {
    for (const format of ['Zeitschrift', 'DVD', 'Blu-ray', 'Periodical', 'Board game']) {
      const doc = htmlPage(details(row('ISBN', '9781473200104') + row('Format', format)));
      expect(readLabels(doc, SHOP).notBook, format).toBe(true);
    }
    const cd = htmlPage(details(row('Titel', 'Greatest hits') + row('Medientyp', 'CD')));
    expect(readLabels(cd, SHOP).notBook).toBe(true);
    // An audio CD with an ISBN is an audiobook, a hardcover is a book.
    const audiobook = htmlPage(details(row('ISBN', '9781473200104') + row('Format', 'Audio CD')));
    expect(readLabels(audiobook, SHOP)).toMatchObject({ notBook: false, format: 'audio' });
    const hardcover = htmlPage(details(row('ISBN', '9781473200104') + row('Format', 'Hardcover')));
    expect(readLabels(hardcover, SHOP)).toMatchObject({ notBook: false, format: 'print' });
  });

  it('leaves translators out of the authors', () => {
    const doc = htmlPage(
      details(
        row('ISBN', '9783518366820') +
          row('Autor', '<a href="/p/1">Hermann Hesse</a> <a href="/p/2">Jane Doe</a> <span>(Übersetzer)</span>'),
      ),
    );
    expect(readLabels(doc, SHOP).authors).toEqual(['Hermann Hesse']);
  });
});

describe('labelled ISBNs on real saved pages', () => {
  it('reads the German Amazon page’s detail bullets', () => {
    const { doc, url } = realPage('amazon/de-siddhartha.html');
    expect(readLabels(doc, url)).toMatchObject({ isBook: true, isList: false, isbns: ['9783518366820'] });
  });

  it('reads the DNB catalogue record with its title row', () => {
    const { doc, url } = realPage('dnb/nemesis-de-ui.html');
    expect(readLabels(doc, url)).toMatchObject({ isBook: true, isbns: ['9783453321892'], title: 'Nemesis : Roman' });
  });

  it('keeps the Spydus record’s two ISBNs of one edition set', () => {
    const { doc, url } = realPage('spydus/first-phone-call-from-heaven-fragment.html');
    expect(readLabels(doc, url)).toMatchObject({ isBook: true, isbns: ['9781847442260', '9781405517386'] });
  });

  it('calls the real Goodreads shelf a list, whatever its address', () => {
    const { doc } = realPage('goodreads/negative-shelf-read-2026.html');
    expect(readLabels(doc, new URL('https://saved-page.invalid/')).isList).toBe(true);
  });

  it('calls the real Goodreads editions list a list', () => {
    const { doc, url } = realPage('goodreads/negative-editions-list.html');
    expect(readLabels(doc, url)).toMatchObject({ isList: true, isBook: false });
  });
});
