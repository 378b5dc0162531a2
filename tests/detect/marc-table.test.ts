// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { marcFieldTexts, marcSubfieldA, withoutRelatorTerm } from '../../lib/detect/base/marc-table';

function rows(html: string): Element[] {
  const doc = new DOMParser().parseFromString(`<table><tbody>${html}</tbody></table>`, 'text/html');
  return [...doc.querySelectorAll('tr')];
}

describe('MARC table rows', () => {
  const table = rows(`
    <tr><th>020</th><td></td><td></td><td>|a 9780062316097 |q (hardcover)</td></tr>
    <tr><th>020</th><td></td><td></td><td>|z 9780062316103 |q (ebook)</td></tr>
    <tr><td>020</td><td>‡a 0062316095 ‡c $35.00</td></tr>
    <tr><th>505</th><td>0</td><td></td><td>|a Part one -- Part two.</td></tr>`);

  it('takes $a only, so a cancelled $z ISBN is left out', () => {
    expect(marcSubfieldA(table, '020')).toEqual(['9780062316097', '0062316095']);
  });

  it('gives whole fields without indicators or subfield marks', () => {
    expect(marcFieldTexts(table, '505')).toEqual(['Part one -- Part two.']);
  });

  it('drops relator terms from name headings', () => {
    expect(withoutRelatorTerm('Westover, Tara, author.')).toBe('Westover, Tara');
    expect(withoutRelatorTerm('Gaiman, Neil, editor, author')).toBe('Gaiman, Neil');
    expect(withoutRelatorTerm('Ishiguro, Kazuo, 1954- author.')).toBe('Ishiguro, Kazuo, 1954-');
    expect(withoutRelatorTerm('Author, Some')).toBe('Author, Some');
  });
});
