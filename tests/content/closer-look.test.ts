// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  BOOK_CHECK_HOOK,
  GENERIC_LOOK_HOOK,
  SCHEMA_READERS_HOOK,
  closerLookAt,
  installCloserLook,
  schemaReadersAt,
} from '../../lib/content/closer-look';
import { provideBookCheck } from '../../lib/content/book-check-script';
import { provideCloserLook } from '../../lib/content/closer-look-script';
import { CHAPTERS_HOOK, PAGE_PASS_HOOK } from '../../lib/content/generic-hooks';
import { providePagePass } from '../../lib/content/page-pass-script';
import { detectGeneric } from '../../lib/detect/closer-look';
import type { BookRef } from '../../lib/shared/book-ref';

const adapterRef: BookRef = {
  isbn13: ['9780141439518'],
  title: 'Pride and Prejudice',
  authors: [],
  site: 'x',
  signals: [],
};

/** Loads that provide their script as the built one does, counting how often each is loaded. */
function countedLoads() {
  const loaded = { bookCheck: 0, generic: 0 };
  return {
    loaded,
    loads: {
      bookCheck: async () => void (loaded.bookCheck++, provideBookCheck()),
      generic: async () => void (loaded.generic++, provideCloserLook()),
    },
  };
}

afterEach(() => {
  for (const hook of [BOOK_CHECK_HOOK, GENERIC_LOOK_HOOK, SCHEMA_READERS_HOOK, PAGE_PASS_HOOK, CHAPTERS_HOOK]) {
    delete (globalThis as Record<string, unknown>)[hook];
  }
});

describe('the closer look from the content script', () => {
  it('reads a page no adapter could with the generic signals, loaded once per frame', async () => {
    const { loaded, loads } = countedLoads();
    document.body.innerHTML =
      '<h1>Emma</h1><script type="application/ld+json">{"@type":"Book","name":"Emma","isbn":"9780141439587","author":{"name":"Jane Austen"}}</script>';
    const url = 'https://books.example/emma';
    await expect(closerLookAt(null, loads, document, url)).resolves.toMatchObject({ isbn13: ['9780141439587'] });
    await expect(closerLookAt(null, loads, document, url)).resolves.toMatchObject({ title: 'Emma' });
    expect(loaded).toEqual({ bookCheck: 0, generic: 1 });
  });

  it('goes on to the page pass, and the book check’s chapters reader, where the metadata falls short: as detectGeneric does', async () => {
    const { loads } = countedLoads();
    // What the page-pass and book-check scripts leave when the metadata pass loads them.
    providePagePass();
    provideBookCheck();
    document.title = 'Emma - Books Example';
    document.body.innerHTML =
      '<h1>Emma</h1><table><tr><th>ISBN</th><td>978-0-14-143958-7</td></tr><tr><th>Author</th><td>Jane Austen</td></tr></table>' +
      '<section><h2>Contents</h2><ol><li>Volume I</li><li>Volume II</li><li>Volume III</li></ol></section>';
    const url = 'https://books.example/record/17';
    const read = await closerLookAt(null, loads, document, url);
    expect(read).toMatchObject({ isbn13: ['9780141439587'], title: 'Emma', authors: ['Jane Austen'] });
    expect(read?.chapters?.map((chapter) => chapter.title)).toEqual(['Volume I', 'Volume II', 'Volume III']);
    expect(read).toEqual(detectGeneric(document, new URL(url)));
  });

  it('keeps the metadata’s own reading when the page pass cannot be loaded', async () => {
    const { loads } = countedLoads();
    document.body.innerHTML =
      '<script type="application/ld+json">{"@type":"Book","name":"Emma","isbn":"9780141439587"}</script>';
    // No author in the metadata: the page pass would be next, and it is not there.
    await expect(closerLookAt(null, loads, document, 'https://books.example/emma')).resolves.toMatchObject({
      isbn13: ['9780141439587'],
      title: 'Emma',
    });
  });

  it('checks an adapter’s book with the book check alone, which also brings the schema.org readers', async () => {
    const { loaded, loads } = countedLoads();
    document.body.innerHTML =
      '<h1>Pride and Prejudice</h1><h2>Table of contents</h2><ol><li>Chapter One</li><li>Chapter Two</li><li>Chapter Three</li></ol>';
    const checked = await closerLookAt(adapterRef, loads, document, 'https://books.example/p');
    expect(checked?.isbn13).toEqual(adapterRef.isbn13);
    expect(checked?.chapters?.map((chapter) => chapter.title)).toEqual(['Chapter One', 'Chapter Two', 'Chapter Three']);
    const readers = await schemaReadersAt(loads.bookCheck);
    expect(typeof readers?.jsonLd).toBe('function');
    expect(loaded).toEqual({ bookCheck: 1, generic: 0 });
  });

  it('finds no book where the page’s metadata says the adapter’s record is not one', async () => {
    const { loads } = countedLoads();
    document.body.innerHTML =
      '<script type="application/ld+json">{"@type":"MusicAlbum","name":"Pride and Prejudice (soundtrack)"}</script>';
    await expect(closerLookAt(adapterRef, loads, document, 'https://books.example/p')).resolves.toBeNull();
  });

  it('keeps the adapter’s own reading when the book check cannot be loaded', async () => {
    const refused = async () => {
      throw new Error('refused');
    };
    await expect(closerLookAt(adapterRef, { bookCheck: refused, generic: refused })).resolves.toEqual(adapterRef);
    // Without the check, contents only it reads are dropped: a report carries a BookRef's fields alone.
    const withContents = { ...adapterRef, contents: ['1. One -- 2. Two'] };
    await expect(closerLookAt(withContents, { bookCheck: refused, generic: refused })).resolves.toEqual(adapterRef);
    const nothing = async () => undefined;
    await expect(closerLookAt(null, { bookCheck: nothing, generic: nothing })).resolves.toBeNull();
    await expect(schemaReadersAt(refused)).resolves.toBeUndefined();
  });

  it('gives null rather than throwing when the check fails on a page', async () => {
    installCloserLook(BOOK_CHECK_HOOK, () => {
      throw new Error('broken page');
    });
    const nothing = async () => undefined;
    await expect(closerLookAt(adapterRef, { bookCheck: nothing, generic: nothing })).resolves.toBeNull();
  });
});
