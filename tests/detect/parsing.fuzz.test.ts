// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { detectBook } from '../../lib/detect';
import { flattenNodes, parseJsonLoose } from '../../lib/detect/base/jsonld';
import { parseCoins, readCoins } from '../../lib/detect/signals/coins';
import { readJsonLdBook } from '../../lib/detect/signals/jsonld-book';
import { compactIsbn, findIsbnCandidates, normalizeIsbn } from '../../lib/shared/isbn';

const RUNS = 10_000;
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** Nothing a page carries may add to or change Object.prototype. */
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
});

/** Keys that attack merges and lookups, mixed with the keys the reader follows. */
const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'polluted',
  '@type',
  '@graph',
  'isbn',
  'name',
  'author',
  'workExample',
  'mainEntity',
  'itemListElement',
  'bookFormat',
);
const jsonLdValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('Book', 'http://schema.org/Book', 'ItemList', '978-0-306-40615-7', '0306406152', null, true, 0),
    fc.string(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 6 })), tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** JSON text, sometimes cut short, with a stray comma, or wrapped in a comment as real pages do. */
const jsonLdText = fc
  .tuple(jsonLdValue, fc.nat(), fc.constantFrom('', 'cut', 'comma', 'comment', 'proto'))
  .map(([value, at, damage]) => {
    const text = JSON.stringify(value) ?? 'null';
    if (damage === 'cut') return text.slice(0, at % (text.length + 1));
    if (damage === 'comma') return text.replace(/([}\]])$/, ',$1');
    if (damage === 'comment') return `<!--${text}-->`;
    if (damage === 'proto') return `{"__proto__":{"polluted":1},"@type":"Book","isbn":${text}}`;
    return text;
  });

describe('JSON-LD reading', () => {
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  document.head.append(script);

  // 10,000 generated blocks: seconds of work, which a shared machine can stretch past the default 20 s.
  it('never throws on any JSON-LD block, damaged or hostile', { timeout: 90_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(jsonLdText, fc.string()), (text) => {
        script.textContent = text;
        const parsed = parseJsonLoose(text);
        flattenNodes([parsed]);
        const reading = readJsonLdBook(document);
        for (const isbn of reading.isbns) expect(typeof isbn).toBe('string');
        detectBook(document, 'https://shop.example/book/1');
      }),
      { numRuns: RUNS },
    );
  });
});

const coinsKey = fc.constantFrom(
  'rft.isbn',
  'rft_id',
  'rft.btitle',
  'rft.title',
  'rft.au',
  'rft.aulast',
  'rft.aufirst',
  'rft.genre',
  'rft_val_fmt',
  '__proto__',
  'constructor',
);
const coinsQuery = fc.oneof(
  fc.string(),
  fc
    .tuple(
      fc.array(
        fc.tuple(coinsKey, fc.oneof(fc.string(), fc.constantFrom('urn:isbn:0306406152', 'book', '%', '%E0%A4%A'))),
        { maxLength: 8 },
      ),
      fc.constantFrom('&', '&amp;'),
    )
    .map(([pairs, separator]) => pairs.map(([key, value]) => `${key}=${value}`).join(separator)),
);

describe('COinS reading', () => {
  const span = document.createElement('span');
  span.className = 'Z3988';
  document.body.append(span);

  it('never throws on any COinS title', { timeout: 90_000 }, () => {
    fc.assert(
      fc.property(coinsQuery, (query) => {
        const reading = parseCoins(query);
        expect(Array.isArray(reading.isbns)).toBe(true);
        span.setAttribute('title', query);
        readCoins(document);
        detectBook(document, 'https://catalog.example/record/1');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('ISBN parsing', () => {
  const isbnish = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc
      .array(fc.constantFrom('0', '3', '9', '7', '8', 'X', 'x', '-', ' ', '\u200E', '\u2013', 'ISBN', ':', '\n'), {
        maxLength: 40,
      })
      .map((parts) => parts.join('')),
  );

  it('never throws, and whatever it returns is a valid canonical ISBN-13', () => {
    fc.assert(
      fc.property(isbnish, (text) => {
        compactIsbn(text);
        const canonical = normalizeIsbn(text);
        if (canonical !== null) expect(canonical).toMatch(/^97[89]\d{10}$/);
        for (const candidate of findIsbnCandidates(text)) {
          expect(normalizeIsbn(candidate.isbn13)).toBe(candidate.isbn13);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
