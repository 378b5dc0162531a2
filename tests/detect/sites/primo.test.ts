// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectBookWith } from '../../../lib/detect/detect-with';
import { primo } from '../../../lib/detect/sites/primo';
import { itDetectsFixtures } from './adapter-cases';
import { blankDocument, syntheticPage } from './synthetic-page';

const FULL =
  'https://uni.primo.exlibrisgroup.com/discovery/fulldisplay?docid=alma991003456789012345&context=L&vid=01UNI_INST:MAIN';

describe('Primo / Primo VE adapter', () => {
  itDetectsFixtures(primo, [
    {
      name: 'a VE full display: labelled ISBN identifiers (not the OCLC number), role stripped from the author',
      file: 'primo/ve-fulldisplay-sapiens.html',
      url: FULL,
      expected: {
        isbn13: ['9780062316097'],
        title: 'Sapiens : a brief history of humankind',
        authors: ['Yuval N. Harari'],
      },
    },
    {
      name: 'search results',
      file: 'primo/ve-search-sapiens.html',
      url: 'https://uni.primo.exlibrisgroup.com/discovery/search?query=any,contains,sapiens&vid=01UNI_INST:MAIN',
      expected: null,
    },
  ]);

  it('reads the Contents field as chapters', () => {
    const { doc, url } = syntheticPage('primo/ve-fulldisplay-sapiens.html', FULL);
    expect(primo.detect(doc, url)?.chapters).toBeUndefined();
    // The adapter hands the note on as printed; the book check reads it.
    const book = detectBookWith([primo], doc, url);
    expect(book?.chapters).toHaveLength(24);
    expect(book).not.toHaveProperty('contents');
  });

  it('reads the fields by their code in any interface language', () => {
    const { doc, url } = syntheticPage('primo/ve-fulldisplay-sapiens.html', FULL);
    const german: Record<string, string> = { title: 'Titel', creator: 'Verfasser', identifier: 'Identifikator' };
    for (const label of doc.querySelectorAll('[data-details-label]')) {
      label.textContent = german[label.getAttribute('data-details-label') ?? ''] ?? label.textContent;
    }
    expect(primo.detect(doc, url)).toMatchObject({
      isbn13: ['9780062316097'],
      title: 'Sapiens : a brief history of humankind',
      authors: ['Yuval N. Harari'],
    });
  });

  it('claims a library-domain Primo only when the Primo app is on the page', () => {
    const { doc } = syntheticPage('primo/ve-fulldisplay-sapiens.html', FULL);
    const custom = new URL('https://search.library.example.edu/discovery/fulldisplay?docid=x&vid=y');
    expect(primo.test(custom, doc)).toBe(true);
    expect(primo.test(custom, blankDocument())).toBe(false);
  });

  it('returns null while the app has not rendered the record yet', () => {
    expect(primo.detect(blankDocument(), new URL(FULL))).toBeNull();
  });
});
