// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSER_LOOK_HOOK, closerLookAt, installCloserLook } from '../../lib/content/closer-look';
import { provideCloserLook } from '../../lib/content/closer-look-script';
import type { BookRef } from '../../lib/shared/book-ref';

const adapterRef: BookRef = {
  isbn13: ['9780141439518'],
  title: 'Pride and Prejudice',
  authors: [],
  site: 'x',
  signals: [],
};

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[CLOSER_LOOK_HOOK];
});

describe('the closer look from the content script', () => {
  it('loads the generic signals once per frame, then reads the page with them', async () => {
    let loads = 0;
    const load = async () => {
      loads++;
      provideCloserLook();
    };
    document.body.innerHTML =
      '<h1>Emma</h1><script type="application/ld+json">{"@type":"Book","name":"Emma","isbn":"9780141439587","author":{"name":"Jane Austen"}}</script>';
    const url = 'https://books.example/emma';
    await expect(closerLookAt(null, load, document, url)).resolves.toMatchObject({ isbn13: ['9780141439587'] });
    await expect(closerLookAt(null, load, document, url)).resolves.toMatchObject({ title: 'Emma' });
    expect(loads).toBe(1);
  });

  it('keeps the adapter’s own reading when the generic signals cannot be loaded', async () => {
    const refused = async () => {
      throw new Error('refused');
    };
    await expect(closerLookAt(adapterRef, refused)).resolves.toBe(adapterRef);
    await expect(closerLookAt(null, async () => undefined)).resolves.toBeNull();
  });

  it('gives null rather than throwing when the generic signals fail on a page', async () => {
    installCloserLook(() => {
      throw new Error('broken page');
    });
    await expect(closerLookAt(adapterRef, async () => undefined)).resolves.toBeNull();
  });
});
