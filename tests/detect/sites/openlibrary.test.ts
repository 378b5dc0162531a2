// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../lib/detect/sites/openlibrary';
import { blankDocument, syntheticPage } from './synthetic-page';

describe('Open Library adapter', () => {
  it('claims openlibrary.org pages', () => {
    expect(openLibrary.test(new URL('https://openlibrary.org/books/OL22853304M'), blankDocument())).toBe(true);
    expect(openLibrary.test(new URL('https://openlibrary.org.example.net/books/OL1M'), blankDocument())).toBe(false);
  });

  it('reads an edition page: ISBN-13 row first, title from the h1 (not the "Book Details" itemprop), TOC rows', () => {
    const { doc, url } = syntheticPage(
      'openlibrary/edition-slow-reading-toc.html',
      'https://openlibrary.org/books/OL22853304M/Slow_reading',
    );
    const ref = openLibrary.detect(doc, url);
    expect(ref).toMatchObject({
      isbn13: ['9780980200447', '9781936117369'],
      title: 'Slow reading',
      authors: ['John Miedema'],
      format: 'print',
      site: 'openlibrary',
    });
    expect(ref?.chapters).toHaveLength(5);
    expect(ref?.chapters?.[0]).toEqual({ level: 1, title: 'The personal nature of slow reading' });
  });

  it('reads the shown edition on a work page, splitting a comma-separated ISBN 10 row', () => {
    const { doc, url } = syntheticPage(
      'openlibrary/work-sabriel.html',
      'https://openlibrary.org/works/OL15832982W/Sabriel',
    );
    const ref = openLibrary.detect(doc, url);
    expect(ref?.isbn13).toEqual(['9780060273224', '9780060273231', '9780064471831']);
    expect(ref?.title).toBe('Sabriel');
    expect(ref?.authors).toEqual(['Garth Nix']);
    expect(ref?.chapters).toBeUndefined();
  });

  it('keeps TOC nesting levels', () => {
    const { doc, url } = syntheticPage(
      'openlibrary/edition-slow-reading-toc.html',
      'https://openlibrary.org/books/OL22853304M',
    );
    doc.querySelectorAll('#toc-table tr')[1]?.setAttribute('class', 'toc-level-2');
    expect(openLibrary.detect(doc, url)?.chapters?.[1]?.level).toBe(2);
  });

  it('returns null on search results', () => {
    const { doc, url } = syntheticPage('openlibrary/search-sabriel.html', 'https://openlibrary.org/search?q=sabriel');
    expect(openLibrary.detect(doc, url)).toBeNull();
  });
});
