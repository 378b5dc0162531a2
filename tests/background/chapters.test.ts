import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchOpenLibraryChapters, parseOpenLibraryToc, workKeyOf } from '../../lib/background/chapters/openlibrary';
import { resolveChapters } from '../../lib/background/chapters/resolve';
import type { BookRef } from '../../lib/shared/book-ref';
import { startHarness, type Harness } from './support/background-harness';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/openlibrary/${name}`, import.meta.url), 'utf8'));

describe('Open Library contents on real records', () => {
  it('reads a flat table of contents', () => {
    const chapters = parseOpenLibraryToc(fixture('edition-OL22853304M-slow-reading-toc.json'));
    expect(chapters).toHaveLength(5);
    expect(chapters[0]).toEqual({ level: 1, title: 'The personal nature of slow reading' });
  });

  it('keeps nesting and page numbers', () => {
    const chapters = parseOpenLibraryToc(fixture('edition-OL36696710M-autokorrektur-toc-nested.json'));
    expect(chapters).toHaveLength(23);
    expect(chapters[0]).toEqual({ level: 1, title: 'Bin ich der Wandel – oder warte ich auf ihn?', page: '11' });
    expect(chapters[1]).toMatchObject({ level: 2, title: 'Mobilität', page: '17' });
    expect(Math.max(...chapters.map((c) => c.level))).toBe(3);
  });

  it("finds no chapters where a record has none, and the edition's work", () => {
    expect(parseOpenLibraryToc(fixture('edition-OL22951843M-sabriel-no-toc.json'))).toEqual([]);
    expect(parseOpenLibraryToc(fixture('edition-OL36884359M-stars-with-you-markdown.json'))).toEqual([]);
    expect(parseOpenLibraryToc(fixture('work-OL15832982W-sabriel.json'))).toEqual([]);
    expect(workKeyOf(fixture('edition-OL22951843M-sabriel-no-toc.json'))).toBe('/works/OL15832982W');
  });

  it('reads old plain-string rows and labels, and skips junk', () => {
    expect(
      parseOpenLibraryToc({
        table_of_contents: [
          'Prologue',
          '  ',
          { label: 'Part II', title: '' },
          { level: 1, label: '1.', title: 'Rain', pagenum: '3' },
          42,
          null,
        ],
      }),
    ).toEqual([
      { level: 1, title: 'Prologue' },
      { level: 1, title: 'Part II' },
      { level: 2, label: '1.', title: 'Rain', page: '3' },
    ]);
    expect(parseOpenLibraryToc('not a record')).toEqual([]);
    expect(workKeyOf({ works: [{ key: 'https://evil.example/works/OL1W' }] })).toBeNull();
  });
});

describe('chapter sources', () => {
  let h: Harness;
  const served: Record<string, unknown> = {
    'https://openlibrary.org/isbn/9780980200447.json': fixture('edition-OL22853304M-slow-reading-toc.json'),
    'https://openlibrary.org/isbn/9780439352468.json': fixture('edition-OL22951843M-sabriel-no-toc.json'),
    'https://openlibrary.org/works/OL15832982W.json': fixture('work-OL15832982W-sabriel.json'),
  };
  beforeEach(async () => {
    h = await startHarness(async (url) =>
      url in served ? new Response(JSON.stringify(served[url])) : new Response('{}', { status: 404 }),
    );
  });
  afterEach(() => h.ctx.db.close());

  const book = (isbn13: string, extra: Partial<BookRef> = {}): BookRef => ({
    isbn13: [isbn13],
    authors: [],
    site: 'generic',
    signals: [],
    ...extra,
  });

  it("prefers the page's own list over Open Library, and Open Library over nothing", async () => {
    const fromPage = await resolveChapters(
      h.ctx,
      book('9780980200447', { chapters: [{ level: 1, title: 'From the catalogue' }] }),
      null,
      true,
    );
    expect(fromPage).toEqual({ source: 'page', chapters: [{ level: 1, title: 'From the catalogue' }] });
    expect(h.fetchCalls).toEqual([]);
    const fromOpenLibrary = await resolveChapters(h.ctx, book('9780980200447'), null, true);
    expect(fromOpenLibrary?.source).toBe('openlibrary');
    expect(fromOpenLibrary?.chapters).toHaveLength(5);
  });

  it('follows an edition without contents to its work, and caches "no chapters known"', async () => {
    expect(await resolveChapters(h.ctx, book('9780439352468'), null, true)).toBeNull();
    expect(h.fetchCalls).toEqual([
      'GET https://openlibrary.org/isbn/9780439352468.json',
      'GET https://openlibrary.org/works/OL15832982W.json',
    ]);
    await resolveChapters(h.ctx, book('9780439352468'), null, true);
    expect(h.fetchCalls).toHaveLength(2);
  });

  it('asks Open Library nothing on a page view, and serves what a look cached', async () => {
    expect(await resolveChapters(h.ctx, book('9780980200447'), null, false)).toBeNull();
    expect(h.fetchCalls).toEqual([]);
    const looked = await resolveChapters(h.ctx, book('9780980200447'), null, true);
    expect(h.fetchCalls).toHaveLength(1);
    // Once the reader has looked, later page views show the cached list without a request.
    expect(await resolveChapters(h.ctx, book('9780980200447'), null, false)).toEqual(looked);
    expect(h.fetchCalls).toHaveLength(1);
  });

  it('does not cache an unreachable Open Library', async () => {
    expect(
      await fetchOpenLibraryChapters(async () => {
        throw new TypeError('offline');
      }, '9780980200447'),
    ).toEqual({ kind: 'unreachable' });
  });
});
