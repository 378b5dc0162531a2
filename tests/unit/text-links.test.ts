import { describe, expect, it } from 'vitest';
import { safeHref, splitLinks } from '../../lib/pages/text-links';

describe('safeHref', () => {
  it.each(['https://example.org/a?b=c', 'http://example.org'])('accepts %s', (url) => {
    expect(safeHref(url)).toBe(new URL(url).href);
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'file:///etc/passwd',
    'mailto:a@example.org',
    'example.org',
    '',
  ])('refuses %j', (url) => {
    expect(safeHref(url)).toBeNull();
  });
});

describe('splitLinks', () => {
  it('finds http(s) addresses and leaves sentence punctuation outside them', () => {
    expect(splitLinks('See https://example.org/review. Or (http://example.org/x) too!')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.org/review', href: 'https://example.org/review' },
      { kind: 'text', text: '. Or (' },
      { kind: 'link', text: 'http://example.org/x', href: 'http://example.org/x' },
      { kind: 'text', text: ') too!' },
    ]);
  });

  it('keeps brackets that belong to the address', () => {
    expect(splitLinks('https://en.wikipedia.org/wiki/Canon_(fiction)')).toEqual([
      {
        kind: 'link',
        text: 'https://en.wikipedia.org/wiki/Canon_(fiction)',
        href: 'https://en.wikipedia.org/wiki/Canon_(fiction)',
      },
    ]);
  });

  it('leaves other schemes and markup as text, and loses no character', () => {
    const text = 'javascript:alert(1) <a href="https://evil.example">x</a> data:text/html,hi';
    const parts = splitLinks(text);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.kind === 'link').map((p) => p.text)).toEqual(['https://evil.example']);
  });
});
