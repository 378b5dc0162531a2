// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { blacklight } from '../../../lib/detect/sites/blacklight';
import { itDetectsFixtures } from './adapter-cases';
import { blankDocument, syntheticPage } from './synthetic-page';

const RECORD = 'https://searchworks.stanford.edu/view/12403716';

describe('Blacklight adapter', () => {
  itDetectsFixtures(blacklight, [
    {
      name: 'a catalog-show page: ISBN field with two <dd> values, relator term dropped',
      file: 'blacklight/show-educated.html',
      url: RECORD,
      expected: { isbn13: ['9780399590504'], title: 'Educated : a memoir', authors: ['Tara Westover'] },
    },
    {
      name: 'a catalog-index (results) page',
      file: 'blacklight/index-search-westover.html',
      url: 'https://searchworks.stanford.edu/?q=westover&search_field=search',
      expected: null,
    },
  ]);

  it('links the MARCXML of a record that shows no ISBN', () => {
    const { doc, url } = syntheticPage('blacklight/show-educated.html', RECORD);
    doc.querySelectorAll('.blacklight-isbn_display').forEach((el) => el.remove());
    expect(blacklight.detect(doc, url)?.recordLink).toBe('https://searchworks.stanford.edu/view/12403716.marcxml');
  });

  it('does not claim pages without Blacklight’s body classes', () => {
    expect(blacklight.test(new URL(RECORD), blankDocument())).toBe(false);
  });
});
