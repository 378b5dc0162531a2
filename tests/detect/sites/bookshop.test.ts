// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SCHEMA_READERS } from '../../../lib/detect/signals/schema-readers';
import { bookshop } from '../../../lib/detect/sites/bookshop';
import { blankDocument, syntheticPage } from './synthetic-page';

describe('Bookshop.org adapter', () => {
  it('claims bookshop.org and its national shops', () => {
    expect(bookshop.test(new URL('https://uk.bookshop.org/p/books/x/1'), blankDocument())).toBe(true);
    expect(bookshop.test(new URL('https://bookshop.org/lists/x'), blankDocument())).toBe(true);
    expect(bookshop.test(new URL('https://notbookshop.org/p/books/x/1'), blankDocument())).toBe(false);
  });

  it('reads the JSON-LD edition, not the other format in the switcher or the related books', () => {
    const { doc, url } = syntheticPage(
      'bookshop/lessons-in-chemistry.html',
      'https://bookshop.org/p/books/lessons-in-chemistry-bonnie-garmus/16896960?ean=9780385547345',
    );
    expect(bookshop.detect(doc, url, SCHEMA_READERS)).toMatchObject({
      isbn13: ['9780385547345'],
      title: 'Lessons in Chemistry',
      authors: ['Bonnie Garmus'],
      format: 'print',
      site: 'bookshop',
    });
  });

  it('prefers the page schema over a stale ?ean= left by a format switch', () => {
    const { doc, url } = syntheticPage(
      'bookshop/lessons-in-chemistry.html',
      'https://bookshop.org/p/books/lessons-in-chemistry-bonnie-garmus/16896960?ean=9780593466490',
    );
    expect(bookshop.detect(doc, url, SCHEMA_READERS)?.isbn13).toEqual(['9780385547345']);
  });

  it('falls back to the ?ean= of the URL when the page has no schema.org data (UK shop)', () => {
    const { doc, url } = syntheticPage(
      'bookshop/uk-normal-people.html',
      'https://uk.bookshop.org/p/books/normal-people-sally-rooney/1597390?ean=9780571334650',
    );
    expect(bookshop.detect(doc, url, SCHEMA_READERS)).toMatchObject({
      isbn13: ['9780571334650'],
      title: 'Normal People',
      authors: ['Sally Rooney'],
    });
  });

  it('reads the ISBN of an older /books/<slug>/<ISBN> link', () => {
    const { doc, url } = syntheticPage(
      'bookshop/uk-normal-people.html',
      'https://uk.bookshop.org/books/normal-people/9780571334650',
    );
    expect(bookshop.detect(doc, url, SCHEMA_READERS)?.isbn13).toEqual(['9780571334650']);
  });

  it('returns null on lists and search', () => {
    const { doc, url } = syntheticPage(
      'bookshop/list-booker-prize.html',
      'https://bookshop.org/lists/booker-prize-2018-shortlist',
    );
    expect(bookshop.detect(doc, url, SCHEMA_READERS)).toBeNull();
    expect(bookshop.detect(doc, new URL('https://bookshop.org/search?keywords=rooney'), SCHEMA_READERS)).toBeNull();
  });
});
