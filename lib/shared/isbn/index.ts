/** ISBN parsing, validation and conversion; pure, no DOM. */
export { isbn10CheckDigit, isbn13CheckDigit, isValidIsbn10, isValidIsbn13 } from './checksum';
export { isbn10To13, isbn13To10 } from './convert';
export { compactIsbn, INVISIBLE_MARKS, isIsbn, normalizeIsbn } from './normalize';
export { findIsbnCandidates, type IsbnCandidate } from './find';
