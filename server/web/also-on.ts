/** "Also on" links by ISBN: where else a reader can find the book, no account or tracking parameters. */
import { isbn13To10 } from '../../lib/shared/isbn';

export type AlsoOn = { label: 'Amazon' | 'Goodreads' | 'Open Library' | 'WorldCat'; url: string };

export function alsoOnLinks(isbn13s: string[], isbn10s: string[]): AlsoOn[] {
  const isbn13 = isbn13s[0];
  if (isbn13 === undefined) return [];
  const isbn10 = isbn10s[0] ?? isbn13To10(isbn13);
  const q = encodeURIComponent;
  return [
    {
      label: 'Amazon',
      url: isbn10 === null ? `https://www.amazon.com/s?k=${q(isbn13)}` : `https://www.amazon.com/dp/${q(isbn10)}`,
    },
    { label: 'Goodreads', url: `https://www.goodreads.com/search?q=${q(isbn13)}` },
    { label: 'Open Library', url: `https://openlibrary.org/isbn/${q(isbn13)}` },
    { label: 'WorldCat', url: `https://search.worldcat.org/isbn/${q(isbn13)}` },
  ];
}

/** Only web addresses become links; anything else is shown as text. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
