import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compactIsbn,
  findIsbnCandidates,
  isbn10CheckDigit,
  isbn10To13,
  isbn13CheckDigit,
  isbn13To10,
  isValidIsbn10,
  isValidIsbn13,
  normalizeIsbn,
} from '../../lib/shared/isbn';

const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((ds) => ds.join(''));
const isbn10 = digits(9).map((first9) => first9 + isbn10CheckDigit(first9));
const isbn13 = fc
  .tuple(fc.constantFrom('978', '979'), digits(9))
  .map(([prefix, rest]) => prefix + rest + isbn13CheckDigit(prefix + rest));

/** Ways people and pages write one ISBN: separators, prefixes, invisible marks, lowercase x. */
const SEPARATORS = ['-', ' ', '\u2010', '\u2011', '\u2013', '\u2014', '\u2212', '\u00A0', '\u200B', '\u200E', '\u200F'];
const PREFIXES = ['', 'ISBN ', 'ISBN: ', 'ISBN-13: ', 'ISBN-10: ', 'isbn ', 'ISBN13 ', '\u200EISBN\u200F : \u200E'];
function written(compact: string) {
  return fc
    .tuple(
      fc.constantFrom(...PREFIXES),
      fc.array(fc.constantFrom('', ...SEPARATORS), { minLength: compact.length - 1, maxLength: compact.length - 1 }),
      fc.boolean(),
    )
    .map(([prefix, seps, lower]) => {
      const body = [...compact].map((ch, i) => ch + (i < compact.length - 1 ? (seps[i] ?? '') : '')).join('');
      return prefix + (lower ? body.toLowerCase() : body);
    });
}

describe('ISBN normalisation', () => {
  it('gives one canonical ISBN-13 for every written variant of an ISBN-10', () => {
    fc.assert(
      fc.property(
        isbn10.chain((isbn) => fc.tuple(fc.constant(isbn), written(isbn))),
        ([isbn, text]) => {
          expect(normalizeIsbn(text)).toBe(isbn10To13(isbn));
        },
      ),
    );
  });

  it('gives one canonical ISBN-13 for every written variant of an ISBN-13', () => {
    fc.assert(
      fc.property(
        isbn13.chain((isbn) => fc.tuple(fc.constant(isbn), written(isbn))),
        ([isbn, text]) => {
          expect(normalizeIsbn(text)).toBe(isbn);
        },
      ),
    );
  });

  it('reads the "10" or "13" after ISBN as the ISBN’s own digits when the label reading is not a valid ISBN', () => {
    // 1034567896 begins with "10", as the label "ISBN 10" does.
    expect(normalizeIsbn('ISBN 10-34567896')).toBe('9781034567899');
    expect(normalizeIsbn('ISBN 10 1034567896')).toBe('9781034567899');
    expect(normalizeIsbn('ISBN-10: 1-86197-837-5')).toBe('9781861978370');
  });

  it('round-trips ISBN-10 → 978-ISBN-13 → ISBN-10', () => {
    fc.assert(
      fc.property(isbn10, (isbn) => {
        const thirteen = isbn10To13(isbn);
        expect(thirteen).not.toBeNull();
        expect(isValidIsbn13(thirteen ?? '')).toBe(true);
        expect(isbn13To10(thirteen ?? '')).toBe(isbn);
      }),
    );
  });

  it('has no ISBN-10 for a 979 ISBN-13', () => {
    fc.assert(
      fc.property(
        isbn13.filter((isbn) => isbn.startsWith('979')),
        (isbn) => {
          expect(isbn13To10(isbn)).toBeNull();
        },
      ),
    );
  });

  it('rejects every single-digit substitution', () => {
    fc.assert(
      fc.property(fc.oneof(isbn10, isbn13), fc.nat(), fc.integer({ min: 1, max: 9 }), (isbn, at, delta) => {
        const i = at % isbn.length;
        if (isbn[i] === 'X') return; // the check character X has no digit neighbours to step through
        const changed = isbn.slice(0, i) + ((Number(isbn[i]) + delta) % 10) + isbn.slice(i + 1);
        expect(isbn.length === 10 ? isValidIsbn10(changed) : isValidIsbn13(changed)).toBe(false);
      }),
    );
  });

  it('rejects every adjacent transposition of an ISBN-10', () => {
    fc.assert(
      fc.property(isbn10, fc.integer({ min: 0, max: 8 }), (isbn, i) => {
        if (isbn[i] === isbn[i + 1]) return; // swapping equal digits changes nothing
        const swapped = isbn.slice(0, i) + isbn[i + 1] + isbn[i] + isbn.slice(i + 2);
        expect(isValidIsbn10(swapped)).toBe(false);
      }),
    );
  });

  it('reads real written forms', () => {
    expect(normalizeIsbn('978-1-4732-0010-4')).toBe('9781473200104');
    expect(normalizeIsbn('\u200E978-3518366820')).toBe('9783518366820');
    expect(normalizeIsbn('2-84055-742-8')).toBe('9782840557425');
    expect(normalizeIsbn('0-8044-2957-x')).toBe('9780804429573');
    expect(compactIsbn('ISBN-13: 978\u20130\u2013306\u201340615\u20137')).toBe('9780306406157');
    expect(normalizeIsbn('978-0-306-40615-8')).toBeNull();
    expect(normalizeIsbn('9771234567003')).toBeNull(); // an ISSN-style EAN, not a book
  });
});

describe('findIsbnCandidates', () => {
  it('finds each valid ISBN with its label, and skips checksum failures', () => {
    const found = findIsbnCandidates(
      'ISBN: 978-1-4732-0010-4 [1-4732-0010-5] EAN/ISBN : 2-84055-742-8, order 1234567890',
    );
    expect(found.map((c) => [c.isbn13, c.form, c.label])).toEqual([
      ['9781473200104', 13, 'ISBN'],
      ['9781473200104', 10, undefined],
      ['9782840557425', 10, 'ISBN'],
    ]);
  });

  it('finds a generated ISBN written inside prose', () => {
    fc.assert(
      fc.property(
        isbn13,
        fc.string({ maxLength: 20 }).filter((s) => !/[\dA-Za-z]$/.test(s)),
        (isbn, before) => {
          const found = findIsbnCandidates(`${before} ISBN-13: ${isbn}.`);
          expect(found.map((c) => c.isbn13)).toContain(isbn);
        },
      ),
    );
  });
});
