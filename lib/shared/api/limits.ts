/**
 * Every documented limit of the canon API, in one place. The server enforces
 * them; the extension reads them to size its forms. Lengths count Unicode
 * code points, not UTF-16 units, so an emoji counts as one character.
 */
export const LIMITS = {
  commentMin: 1,
  commentMax: 5_000,
  nameMax: 80,
  emailMax: 254,
  tagsPerBook: 10,
  tagMax: 32,
  linkTitleMax: 200,
  urlMax: 2_000,
  nominationReasonMax: 2_000,
  bookTitleMax: 300,
  authorNameMax: 200,
  authorsPerBook: 20,
  lookupBatchMax: 100,
  lookupQueryMax: 300,
  pageSizeDefault: 20,
  pageSizeMax: 50,
  idempotencyKeyMax: 128,
  /** Whole request body, checked before any parsing. */
  bodyBytesMax: 64 * 1024,
} as const;

/** Rating values are half stars from 0.5 to 5. */
export const RATING_VALUES = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5] as const;
export type RatingValue = (typeof RATING_VALUES)[number];

export const FLAG_REASONS = ['spam', 'offensive', 'spoiler'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
