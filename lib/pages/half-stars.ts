/**
 * Half-star rating arithmetic shared by the rating input and the rating
 * summary: values are RATING_VALUES (0.5 … 5 in halves).
 */
import { RATING_VALUES, type RatingValue } from '../shared/api/limits';

export const RATING_MIN: RatingValue = RATING_VALUES[0];
export const RATING_MAX: RatingValue = RATING_VALUES[RATING_VALUES.length - 1]!;
export const RATING_STEP = 0.5;
export const STAR_COUNT = 5;

export function isRatingValue(value: number): value is RatingValue {
  return (RATING_VALUES as readonly number[]).includes(value);
}

/** The keys a slider answers to (WAI-ARIA slider pattern), as a new value; null for other keys. */
export function ratingForKey(current: number | null, key: string): RatingValue | null {
  const from = current ?? 0;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clampRating(from + RATING_STEP);
    case 'ArrowLeft':
    case 'ArrowDown':
      return clampRating(from - RATING_STEP);
    case 'PageUp':
      return clampRating(from + 1);
    case 'PageDown':
      return clampRating(from - 1);
    case 'Home':
      return RATING_MIN;
    case 'End':
      return RATING_MAX;
    default:
      return null;
  }
}

function clampRating(value: number): RatingValue {
  const clamped = Math.min(RATING_MAX, Math.max(RATING_MIN, Math.round(value / RATING_STEP) * RATING_STEP));
  return isRatingValue(clamped) ? clamped : RATING_MIN;
}

/**
 * The value a pointer picks on star `starIndex` (0-based): the left half of a
 * star is a half star. `fraction` is where across the star it landed, 0 … 1;
 * in right-to-left layouts the caller passes 1 − fraction.
 */
export function ratingFromPointer(starIndex: number, fraction: number): RatingValue {
  const half = fraction < 0.5 ? 0.5 : 1;
  return clampRating(starIndex + half);
}

/** How much of star `starIndex` (0-based) a value fills. */
export function starFill(value: number | null, starIndex: number): 'full' | 'half' | 'empty' {
  const left = (value ?? 0) - starIndex;
  if (left >= 1) return 'full';
  if (left >= 0.5) return 'half';
  return 'empty';
}

export interface DistributionBar {
  value: number;
  count: number;
  /** Share of all confirmed ratings, 0 … 1. */
  share: number;
}

/** Every half-star value from 5 down, with its count, including values nobody chose. */
export function distributionBars(distribution: Readonly<Record<string, number>>): DistributionBar[] {
  const counts = RATING_VALUES.map((value) => ({ value, count: countFor(distribution, value) }));
  const total = counts.reduce((sum, bar) => sum + bar.count, 0);
  return counts.map((bar) => ({ ...bar, share: total === 0 ? 0 : bar.count / total })).reverse();
}

// The server keys values as "0.5" … "5"; accept "5.0" too rather than show a silent zero.
function countFor(distribution: Readonly<Record<string, number>>, value: number): number {
  const direct = distribution[String(value)];
  if (direct !== undefined) return direct;
  const spelled = distribution[value.toFixed(1)];
  return spelled ?? 0;
}
