// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { amazon } from '../../../lib/detect/sites/amazon';

/** A product page reduced to the parts the adapter reads, as the 2020+ layout marks them up. */
function productPage(title: string, authors: string[]): Document {
  const byline = authors
    .map(
      (name) =>
        `<span class="author"><a class="a-link-normal" href="#">${name}</a><span class="contribution"><span class="a-color-secondary">(Author)</span></span></span>`,
    )
    .join('');
  const html = `<div id="dp" class="book en_GB"><h1><span id="productTitle">${title}</span></h1>
    <div id="bylineInfo">by ${byline}</div>
    <div id="detailBullets_feature_div"><ul><li><span>ISBN-13 : 978-1473210202</span></li></ul></div></div>`;
  return new DOMParser().parseFromString(html, 'text/html');
}

const url = new URL('https://www.amazon.co.uk/dp/1473210208');

describe('Amazon adapter: a seller’s author suffix on the title', () => {
  it('drops a trailing ": <the byline’s authors>"', () => {
    const doc = productPage('The Medusa Chronicles: Alastair Reynolds &amp; Stephen Baxter', [
      'Alastair Reynolds',
      'Stephen Baxter',
    ]);
    expect(amazon.detect(doc, url)?.title).toBe('The Medusa Chronicles');
  });

  it('keeps a subtitle that is not the byline', () => {
    const doc = productPage('Murder on the Orient Express: A Hercule Poirot Mystery', ['Agatha Christie']);
    expect(amazon.detect(doc, url)?.title).toBe('Murder on the Orient Express: A Hercule Poirot Mystery');
  });

  it('drops a suffix that names some of the byline’s authors, and keeps one that names somebody else', () => {
    const some = productPage('The Long Earth - Terry Pratchett', ['Terry Pratchett', 'Stephen Baxter']);
    expect(amazon.detect(some, url)?.title).toBe('The Long Earth');
    const other = productPage('The Long Earth - Neil Gaiman', ['Terry Pratchett', 'Stephen Baxter']);
    expect(amazon.detect(other, url)?.title).toBe('The Long Earth - Neil Gaiman');
  });

  it('takes every address form of a product page as maybe one book, and a search as none', () => {
    const paths = [
      '/Long-Earth-Terry-Pratchett/dp/1473210208',
      '/gp/product/1473210208/ref=x',
      '/gp/aw/d/1473210208',
      '/o/1473210208',
      '/exec/obidos/ASIN/1473210208/',
      '/exec/obidos/tg/detail/-/1473210208',
      '/s?k=long+earth',
      '/gp/cart/view.html',
    ];
    expect(paths.map((path) => amazon.urlMayBeBook?.(new URL(path, url)))).toEqual([
      ...Array(6).fill(true),
      false,
      false,
    ]);
  });

  it("says a page is not one book by its department bar, where that names a department other than books'", () => {
    const department = (category: string) =>
      new DOMParser().parseFromString(`<div id="nav-subnav" data-category="${category}"></div>`, 'text/html');
    const said = ['books', 'stripbooks', 'books-catalog', 'digital-text', 'audible', 'kitchen', 'toys-and-games'];
    expect(said.map((category) => amazon.notOneBook?.(url, department(category)))).toEqual([
      ...Array(5).fill(false),
      true,
      true,
    ]);
    expect(amazon.notOneBook?.(url, new DOMParser().parseFromString('<p>captcha</p>', 'text/html'))).toBe(false);
  });
});
