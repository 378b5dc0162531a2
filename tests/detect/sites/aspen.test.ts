// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectBookWith } from '../../../lib/detect/detect-with';
import { aspen } from '../../../lib/detect/sites/aspen';
import { itDetectsFixtures } from './adapter-cases';
import { blankDocument, syntheticPage } from './synthetic-page';

const HOST = 'https://catalog.library.example';

describe('Aspen Discovery / Pika adapter', () => {
  itDetectsFixtures(aspen, [
    {
      name: 'a grouped work gathers editions, so its ISBN list is not reported',
      file: 'aspen/grouped-work-project-hail-mary.html',
      url: `${HOST}/GroupedWork/6b5e4f5e-5f2c-7a4d-2a39-a83e4a5d9b1c/Home`,
      expected: { isbn13: [], title: 'Project Hail Mary', authors: ['Andy Weir'] },
    },
    {
      name: 'a record page reads MARC 020 $a (not the cancelled $z) and the contents panel',
      file: 'aspen/record-sapiens-marc.html',
      url: `${HOST}/Record/a1987654`,
      expected: {
        isbn13: ['9780062316097'],
        title: 'Sapiens : a brief history of humankind',
        authors: ['Yuval N. Harari'],
      },
    },
  ]);

  it('leaves search results unclaimed, and the generic signals find no book there', () => {
    const { doc, url } = syntheticPage('aspen/search-andy-weir.html', `${HOST}/Search/Results?lookfor=andy+weir`);
    expect(aspen.test(url, doc)).toBe(false);
    expect(detectBookWith([aspen], doc, url)).toBeNull();
  });

  it('reads the contents panel as nested chapters (the book check parses the entries the adapter found)', () => {
    const { doc, url } = syntheticPage('aspen/record-sapiens-marc.html', `${HOST}/Record/a1987654`);
    expect(aspen.detect(doc, url)?.chapters).toBeUndefined();
    const chapters = detectBookWith([aspen], doc, url)?.chapters ?? [];
    expect(chapters).toHaveLength(24);
    expect(chapters[0]).toEqual({ level: 1, label: 'Part one', title: 'The cognitive revolution' });
  });

  it('falls back to the details row when the staff view is absent', () => {
    const { doc, url } = syntheticPage('aspen/record-sapiens-marc.html', `${HOST}/Record/a1987654`);
    doc.querySelector('#staffViewPanel')?.remove();
    expect(aspen.detect(doc, url)?.isbn13).toEqual(['9780062316097']);
  });

  it('does not claim a VuFind /Record/ page that has no grouped-work links', () => {
    expect(aspen.test(new URL(`${HOST}/Record/123456`), blankDocument())).toBe(false);
  });
});
