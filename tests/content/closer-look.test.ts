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
  for (const hook of [BOOK_CHECK_HOOK, GENERIC_LOOK_HOOK, SCHEMA_READERS_HOOK]) {
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
    await expect(closerLookAt(adapterRef, { bookCheck: refused, generic: refused })).resolves.toBe(adapterRef);
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
