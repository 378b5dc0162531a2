// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { nodeIsbns, readJsonLd, readMicrodata, readRdfa, typedNotBook } from '../../../lib/detect/signals/schema';
import { htmlPage, realPage } from './pages';

const jsonLd = (...nodes: unknown[]) =>
  nodes.map((node) => `<script type="application/ld+json">${JSON.stringify(node)}</script>`).join('');

describe('schema.org in JSON-LD', () => {
  it('reads a block whose type is spelled in any case, and no script of another type', () => {
    const book = JSON.stringify({ '@type': 'Book', name: 'Persuasion', isbn: '9780141439686' });
    const doc = htmlPage(
      '',
      `<script type="Application/LD+JSON">${book}</script>` +
        `<script type="application/ld+json+x">${JSON.stringify({ '@type': 'Book', name: 'Emma' })}</script>` +
        `<script>var book = ${book};</script>`,
    );
    expect(readJsonLd(doc)).toMatchObject({ isBook: true, title: 'Persuasion', isbns: ['9780141439686'] });
  });

  it('reads a Book with its ISBN, name, author and format', () => {
    const doc = htmlPage(
      '',
      jsonLd({
        '@context': 'https://schema.org',
        '@type': 'Book',
        name: 'Rule 34',
        isbn: '978-0-441-02034-8',
        author: { '@type': 'Person', name: 'Charles Stross' },
        bookFormat: 'https://schema.org/Hardcover',
      }),
    );
    expect(readJsonLd(doc)).toMatchObject({
      signal: 'jsonld',
      isBook: true,
      isList: false,
      isbns: ['978-0-441-02034-8'],
      title: 'Rule 34',
      authors: ['Charles Stross'],
      format: 'print',
    });
  });

  it('takes a Product only when its gtin13 is a valid 978/979 ISBN', () => {
    const product = (gtin13: string) => htmlPage('', jsonLd({ '@type': 'Product', name: 'Europa', gtin13 }));
    expect(readJsonLd(product('9789044544725'))).toMatchObject({ isBook: true, isbns: ['9789044544725'] });
    // A grocery EAN and an ISBN with a wrong check digit are no book.
    expect(readJsonLd(product('4006381333931')).isBook).toBe(false);
    expect(readJsonLd(product('9789044544726')).isBook).toBe(false);
  });

  it('reads IndividualProduct and ProductModel identifiers, a PropertyValue included', () => {
    const doc = htmlPage(
      '',
      jsonLd({
        '@type': 'IndividualProduct',
        name: 'Nemesis',
        identifier: { '@type': 'PropertyValue', propertyID: 'isbn', value: '9783453321892' },
      }),
    );
    expect(readJsonLd(doc)).toMatchObject({ isBook: true, isbns: ['9783453321892'], title: 'Nemesis' });
    const model = htmlPage('', jsonLd({ '@type': 'ProductModel', name: 'Mort', gtin: '9781473200104' }));
    expect(readJsonLd(model).isbns).toEqual(['9781473200104']);
  });

  it('reads the comic types: a ComicIssue is a book, a ComicStory or PublicationVolume needs an ISBN', () => {
    expect(readJsonLd(htmlPage('', jsonLd({ '@type': 'ComicIssue', name: 'Comanche', issueNumber: '1' }))).isBook).toBe(
      true,
    );
    const volume = htmlPage(
      '',
      jsonLd({ '@type': 'PublicationVolume', name: 'Le fond du monde', identifier: 'isbn:9782840557425' }),
    );
    expect(readJsonLd(volume)).toMatchObject({ isBook: true, isbns: ['9782840557425'] });
    expect(readJsonLd(htmlPage('', jsonLd({ '@type': 'ComicStory', name: 'Red Dust' }))).isBook).toBe(false);
  });

  it('titles an issue by its series, number and own name', () => {
    const doc = htmlPage(
      '',
      jsonLd({
        '@type': 'ComicIssue',
        name: 'Red Dust',
        issueNumber: '1',
        isbn: '9789055813155',
        isPartOf: { '@type': 'ComicSeries', name: 'Comanche' },
      }),
    );
    expect(readJsonLd(doc)).toMatchObject({ isBook: true, title: 'Comanche 1 Red Dust', isbns: ['9789055813155'] });
  });

  it('calls two different books, or an ItemList of several, a list', () => {
    const two = htmlPage(
      '',
      jsonLd(
        { '@type': 'Book', name: 'Mort', isbn: '9781473200104' },
        { '@type': 'Book', name: 'Nemesis', isbn: '9783453321892' },
      ),
    );
    expect(readJsonLd(two)).toMatchObject({ isList: true, isBook: false, isbns: [] });
    const list = htmlPage(
      '',
      jsonLd({ '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem' }, { '@type': 'ListItem' }] }),
    );
    expect(readJsonLd(list).isList).toBe(true);
  });

  it('gives a work with several ISBN editions no ISBN, and a work with one edition that one', () => {
    const work = (...isbns: string[]) =>
      htmlPage(
        '',
        jsonLd({
          '@type': 'Book',
          name: 'Siddhartha',
          workExample: isbns.map((isbn) => ({ '@type': 'Book', isbn, bookFormat: 'Paperback' })),
        }),
      );
    expect(readJsonLd(work('9783518366820', '9780141189574'))).toMatchObject({ isBook: true, isbns: [] });
    expect(readJsonLd(work('9783518366820'))).toMatchObject({ isBook: true, isbns: ['9783518366820'] });
  });

  it('says a MusicAlbum, Movie or Periodical page is not a book', () => {
    for (const type of ['MusicAlbum', 'Movie', 'Periodical', 'VideoGame']) {
      const doc = htmlPage('', jsonLd({ '@type': type, name: 'Something', gtin13: '0602547924036' }));
      expect(readJsonLd(doc)).toMatchObject({ notBook: true, isBook: false });
      expect(typedNotBook(doc)).toBe(true);
    }
    expect(typedNotBook(htmlPage('', jsonLd({ '@type': 'Book', name: 'Mort' })))).toBe(false);
  });

  it('reads the types of every JSON-LD block and every form of markup together', () => {
    const film = { '@type': 'http://schema.org/Movie', name: 'Mort' };
    const book = { '@graph': [{ '@type': ['Book'], name: 'Mort', description: 'Not a "Movie" nor a Game' }] };
    // A type named by its address, in a block of its own or in the markup; a Book anywhere clears it.
    expect(typedNotBook(htmlPage('', jsonLd(film)))).toBe(true);
    expect(typedNotBook(htmlPage('', `${jsonLd(film)}${jsonLd(book)}`))).toBe(false);
    expect(typedNotBook(htmlPage('<div itemscope itemtype="https://schema.org/Movie"></div>', jsonLd(book)))).toBe(
      false,
    );
    expect(typedNotBook(htmlPage('<div vocab="https://schema.org/" typeof="MusicAlbum"></div>'))).toBe(true);
    // Words in a description are no type.
    expect(typedNotBook(htmlPage('', jsonLd({ ...book['@graph'][0], '@type': 'Thing' })))).toBe(false);
  });

  it('finds ISBNs among identifiers and drops checksum failures', () => {
    expect(nodeIsbns({ isbn: ['0-306-40615-2', '0-306-40615-3'], sku: 'ABC-1' })).toEqual(['0-306-40615-2']);
  });

  it('reads the real Bol.com product-family page’s Book JSON-LD', () => {
    const { doc } = realPage('bol/europa-garton-ash.html');
    expect(readJsonLd(doc)).toMatchObject({ isBook: true, isbns: ['9789044544725'], title: 'Europa', format: 'print' });
  });

  it('reads the real Bertrand page’s hyphenated ISBN', () => {
    const { doc } = realPage('bertrand/o-ano-da-morte-de-ricardo-reis.html');
    expect(readJsonLd(doc)).toMatchObject({ isBook: true, isbns: ['978-972-0-04882-0'] });
  });

  it('gives the real Goodreads Kindle page a book with no ISBN', () => {
    const { doc } = realPage('goodreads/house-in-the-cerulean-sea-kindle-nextjs.html');
    expect(readJsonLd(doc)).toMatchObject({ isBook: true, isbns: [], format: 'ebook' });
  });
});

describe('schema.org in microdata', () => {
  it('reads an itemscope Book and keeps its scope element as the anchor', () => {
    const doc = htmlPage(`
      <div id="record" itemscope itemtype="https://schema.org/Book">
        <h1 itemprop="name">Mort</h1>
        <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Terry Pratchett</span></span>
        <meta itemprop="isbn" content="9781473200104">
      </div>`);
    const reading = readMicrodata(doc);
    expect(reading).toMatchObject({ signal: 'microdata', isBook: true, isbns: ['9781473200104'], title: 'Mort' });
    expect(reading.authors).toEqual(['Terry Pratchett']);
    expect(reading.anchor?.id).toBe('record');
  });

  it('calls repeated product cards a list', () => {
    const card = (name: string, isbn: string) =>
      `<li itemscope itemtype="http://schema.org/Product"><span itemprop="name">${name}</span><meta itemprop="gtin13" content="${isbn}"></li>`;
    const doc = htmlPage(`<ul>${card('Mort', '9781473200104')}${card('Nemesis', '9783453321892')}</ul>`);
    expect(readMicrodata(doc)).toMatchObject({ isList: true, isBook: false });
  });

  it('does not read a Product without an ISBN as a book, but lends it its name', () => {
    const doc = htmlPage(
      `<div itemscope itemtype="http://schema.org/Product"><h1 itemprop="name">Window robot</h1><meta itemprop="gtin13" content="4006381333931"></div>`,
    );
    expect(readMicrodata(doc)).toMatchObject({ isBook: false, title: 'Window robot' });
  });

  it('reads the real Goodreads page’s microdata Book', () => {
    const { doc } = realPage('goodreads/strange-planet.html');
    expect(readMicrodata(doc)).toMatchObject({ isBook: true, isbns: ['9780062970701'], title: 'Strange Planet' });
  });

  it('reads the real StripInfo comic without ISBN as a book titled by its series and number', () => {
    const { doc } = realPage('stripinfo/comanche-1-red-dust-no-isbn.html');
    expect(readMicrodata(doc)).toMatchObject({ isBook: true, isbns: [], title: 'Comanche 1 Red Dust' });
  });
});

describe('schema.org in RDFa', () => {
  it('reads a typeof Book with property values', () => {
    const doc = htmlPage(
      `<div vocab="http://schema.org/" typeof="Book"><h1 property="name">Lean in</h1><span property="isbn">9780385349949</span></div>`,
    );
    expect(readRdfa(doc)).toMatchObject({ signal: 'rdfa', isBook: true, isbns: ['9780385349949'], title: 'Lean in' });
  });

  it('reads the real WorldCat record as a book', () => {
    const { doc } = realPage('worldcat/lean-in-2016-escaped.html');
    expect(readRdfa(doc).isBook).toBe(true);
  });
});
