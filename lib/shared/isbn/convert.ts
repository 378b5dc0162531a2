import { isbn10CheckDigit, isbn13CheckDigit, isValidIsbn10, isValidIsbn13 } from './checksum';

/** ISBN-10 → 978-ISBN-13, or null when the input is not a valid ISBN-10. */
export function isbn10To13(isbn10: string): string | null {
  if (!isValidIsbn10(isbn10)) return null;
  const first12 = '978' + isbn10.slice(0, 9);
  return first12 + isbn13CheckDigit(first12);
}

/** 978-ISBN-13 → ISBN-10; null for 979 (which has no ISBN-10) or invalid input. */
export function isbn13To10(isbn13: string): string | null {
  if (!isValidIsbn13(isbn13) || !isbn13.startsWith('978')) return null;
  const first9 = isbn13.slice(3, 12);
  return first9 + isbn10CheckDigit(first9);
}
