import { describe, expect, it } from 'vitest';
import { RATING_VALUES } from '../../lib/shared/api/limits';
import { distributionBars, isRatingValue, ratingForKey, ratingFromPointer, starFill } from '../../lib/pages/half-stars';

describe('half-star ratings', () => {
  it('steps by half stars within 0.5 … 5', () => {
    expect(ratingForKey(null, 'ArrowRight')).toBe(0.5);
    expect(ratingForKey(0.5, 'ArrowLeft')).toBe(0.5);
    expect(ratingForKey(5, 'ArrowUp')).toBe(5);
    expect(ratingForKey(2, 'PageUp')).toBe(3);
    expect(ratingForKey(1, 'PageDown')).toBe(0.5);
    expect(ratingForKey(3, 'Home')).toBe(0.5);
    expect(ratingForKey(3, 'End')).toBe(5);
    expect(ratingForKey(3, 'Enter')).toBeNull();
  });

  it('gives only allowed values from any key on any allowed value', () => {
    for (const value of RATING_VALUES) {
      for (const key of ['ArrowRight', 'ArrowLeft', 'PageUp', 'PageDown', 'Home', 'End']) {
        expect(isRatingValue(ratingForKey(value, key)!)).toBe(true);
      }
    }
  });

  it('maps a pointer on the left half of a star to the half star', () => {
    expect(ratingFromPointer(0, 0.1)).toBe(0.5);
    expect(ratingFromPointer(0, 0.9)).toBe(1);
    expect(ratingFromPointer(4, 0.49)).toBe(4.5);
    expect(ratingFromPointer(4, 1)).toBe(5);
  });

  it('fills stars for a value', () => {
    expect([0, 1, 2, 3, 4].map((i) => starFill(3.5, i))).toEqual(['full', 'full', 'full', 'half', 'empty']);
    expect(starFill(null, 0)).toBe('empty');
  });

  it('lists every value from 5 down with its share, whatever the server spelled', () => {
    const bars = distributionBars({ '5.0': 1, '3.5': 3 });
    expect(bars.map((b) => b.value)).toEqual([...RATING_VALUES].reverse());
    expect(bars.find((b) => b.value === 5)).toEqual({ value: 5, count: 1, share: 0.25 });
    expect(bars.find((b) => b.value === 3.5)?.share).toBe(0.75);
    expect(distributionBars({}).every((b) => b.share === 0)).toBe(true);
  });
});
