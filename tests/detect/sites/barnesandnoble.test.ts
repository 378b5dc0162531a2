// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { barnesAndNoble } from '../../../lib/detect/sites/barnesandnoble';
import { blankDocument, syntheticPage } from './synthetic-page';

const PRODUCT = 'https://www.barnesandnoble.com/w/project-hail-mary-andy-weir/1137396019';

describe('Barnes & Noble adapter', () => {
  it('claims barnesandnoble.com pages only', () => {
    expect(barnesAndNoble.test(new URL(PRODUCT), blankDocument())).toBe(true);
    expect(barnesAndNoble.test(new URL('https://www.barnesandnoble.com.evil.example/w/x/1'), blankDocument())).toBe(
      false,
    );
  });

  it('reads the ISBN-13 row of the product details table on a hardcover page', () => {
    const { doc, url } = syntheticPage(
      'barnesandnoble/project-hail-mary-hardcover.html',
      `${PRODUCT}?ean=9780593135204`,
    );
    expect(barnesAndNoble.detect(doc, url)).toMatchObject({
      isbn13: ['9780593135204'],
      title: 'Project Hail Mary',
      authors: ['Andy Weir'],
      format: 'print',
      site: 'barnesandnoble',
    });
  });

  it('reads the NOOK Book edition as an ebook with its own ISBN, not the hardcover one', () => {
    const { doc, url } = syntheticPage(
      'barnesandnoble/project-hail-mary-nook-book.html',
      `${PRODUCT}?ean=9780593135211`,
    );
    const ref = barnesAndNoble.detect(doc, url);
    expect(ref?.isbn13).toEqual(['9780593135211']);
    expect(ref?.format).toBe('ebook');
  });

  it('falls back to the ?ean= parameter when the details table is missing', () => {
    const { doc, url } = syntheticPage(
      'barnesandnoble/project-hail-mary-hardcover.html',
      `${PRODUCT}?ean=9780593135204`,
    );
    doc.querySelector('#ProductDetailsTab')?.remove();
    expect(barnesAndNoble.detect(doc, url)?.isbn13).toEqual(['9780593135204']);
  });

  it('returns null on search results and on non-book products', () => {
    const search = syntheticPage(
      'barnesandnoble/search-andy-weir.html',
      'https://www.barnesandnoble.com/s/andy%20weir',
    );
    expect(barnesAndNoble.detect(search.doc, search.url)).toBeNull();
    const vinyl = syntheticPage(
      'barnesandnoble/folklore-vinyl.html',
      'https://www.barnesandnoble.com/w/folklore-taylor-swift/1137402245',
    );
    expect(barnesAndNoble.detect(vinyl.doc, vinyl.url)).toBeNull();
  });
});
