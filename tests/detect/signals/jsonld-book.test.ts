// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readJsonLdBook } from '../../../lib/detect/signals/jsonld-book';
import { readJsonLd } from '../../../lib/detect/signals/schema';
import { htmlPage, realPage } from './pages';

describe('the JSON-LD reading adapters import', () => {
  it('is the schema.org JSON-LD reader', () => {
    expect(readJsonLdBook).toBe(readJsonLd);
  });

  it('reads a Book inside @graph and skips a broken block', () => {
    const doc = htmlPage(
      '',
      `<script type="application/ld+json">{ not json</script>
       <script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"Book","name":"Mort","isbn":"9781473200104"}]}</script>`,
    );
    expect(readJsonLdBook(doc)).toMatchObject({ isBook: true, isbns: ['9781473200104'], title: 'Mort' });
  });

  it('reads the real Douban page’s Book JSON-LD', () => {
    const { doc } = realPage('douban/seventh-hypothesis-zh.html');
    expect(readJsonLdBook(doc)).toMatchObject({ isBook: true, isbns: ['9787549641864'], title: '第七重解答' });
  });

  it('reads the real Aladin page’s Book JSON-LD', () => {
    const { doc } = realPage('aladin/space-of-the-future-ko.html');
    expect(readJsonLdBook(doc)).toMatchObject({ isBook: true, isbns: ['9788932474427'], title: '공간의 미래' });
  });
});
