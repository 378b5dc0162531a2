/**
 * Check-digit arithmetic for ISBN-10 (mod 11, weights 10..1, `X` = 10) and
 * ISBN-13 (EAN-13: weights 1,3,1,3…, mod 10). Inputs are compact strings:
 * digits only, an ISBN-10 may end in uppercase `X`.
 */

const ISBN10_SHAPE = /^\d{9}[\dX]$/;
const ISBN13_SHAPE = /^97[89]\d{10}$/;

/** The check character an ISBN-10 with these nine leading digits must end in. */
export function isbn10CheckDigit(first9: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (10 - i) * Number(first9[i]);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** The check digit an ISBN-13 with these twelve leading digits must end in. */
export function isbn13CheckDigit(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(first12[i]);
  return String((10 - (sum % 10)) % 10);
}

export function isValidIsbn10(compact: string): boolean {
  return ISBN10_SHAPE.test(compact) && isbn10CheckDigit(compact.slice(0, 9)) === compact[9];
}

/** Only the Bookland prefixes 978/979 are ISBNs; other EAN-13s are not. */
export function isValidIsbn13(compact: string): boolean {
  return ISBN13_SHAPE.test(compact) && isbn13CheckDigit(compact.slice(0, 12)) === compact[12];
}
