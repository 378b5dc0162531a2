// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectBook } from '../../lib/detect';
import { expectedIsbn13s, sameText } from '../../scripts/fixture-compare';
import { fixtureHtml, fixtureUrl, loadManifest } from '../../scripts/fixture-manifest';
import { withoutSvgStyles } from '../../scripts/saved-page';

/** Every manifest entry, real or synthetic, detected in happy-dom from its bytes decoded by its declared charset. */
describe.each(loadManifest().map((entry) => [entry.file, entry] as const))('%s', (_file, entry) => {
  const url = fixtureUrl(entry);
  const doc = new DOMParser().parseFromString(withoutSvgStyles(fixtureHtml(entry)), 'text/html');
  const ref = detectBook(doc, url);

  if (entry.expected === null) {
    it('is not a single-book page', () => expect(ref).toBeNull());
    return;
  }
  const expected = entry.expected;
  it('is a book page', () => expect(ref).not.toBeNull());
  it('has exactly the edition’s ISBNs, primary first', () => expect(ref?.isbn13).toEqual(expectedIsbn13s(expected)));
  it('has the displayed title', () => expect(sameText(ref?.title ?? '')).toBe(sameText(expected.title)));
  it('has the primary authors', () => expect(ref?.authors.map(sameText)).toEqual(expected.authors.map(sameText)));
  if (expected.asin) it('has the ASIN', () => expect(ref?.asin).toBe(expected.asin));
});

describe('the manifest', () => {
  it('covers every real saved page', () => {
    const real = loadManifest().filter((entry) => !entry.synthetic);
    expect(real.length).toBeGreaterThanOrEqual(34);
  });
});
