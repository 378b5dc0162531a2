/**
 * The label walk's cheap filter must never turn away a text node the full
 * label match would take: every label word, in any case, after any run of
 * space, direction marks and a "1." numbering, passes it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD, FIELDS, LABEL_START } from '../../../lib/detect/signals/labels';

const WORDS = FIELDS.flatMap((words) => words.split('|'));
const lead = fc
  .array(fc.constantFrom(' ', '\n', '\t', '\u00a0', '\u200e', '\u200f', '1', '.', '2. '), { maxLength: 12 })
  .map((parts) => parts.join(''));
const cased = (word: string, upper: boolean[]) =>
  [...word].map((ch, i) => (upper[i % upper.length] ? ch.toUpperCase() : ch.toLowerCase())).join('');
const tail = fc.constantFrom('', ':', ' :', '\u200f:', ' (13):', ': 978-3-16-148410-0', '\u00a0: Terry Pratchett');

describe('the label filter', () => {
  it('passes every text a label matches', () => {
    let labels = 0;
    fc.assert(
      fc.property(
        lead,
        fc.constantFrom(...WORDS),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
        tail,
        (before, word, upper, after) => {
          const text = `${before}${cased(word, upper)}${after}`;
          if (!FIELD.test(text)) return;
          labels++;
          expect(LABEL_START.test(text)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
    // A good share of the generated texts are labels, so the property is not met by testing none.
    expect(labels).toBeGreaterThan(400);
  });

  it('passes each label word as printed, and turns away text that starts otherwise', () => {
    for (const word of WORDS) expect(LABEL_START.test(`  ${word}:`), word).toBe(true);
    for (const text of ['\n      ', '42 likes', 'Buy now', 'Add to basket', '© 2024', 'Ψ']) {
      expect(LABEL_START.test(text), text).toBe(false);
    }
  });
});
