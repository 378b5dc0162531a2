import type { RatingValue } from '../../lib/shared/api/limits';
import { ratingForKey, ratingFromPointer, RATING_MAX, STAR_COUNT, starFill } from '../../lib/pages/half-stars';
import { formatRating, t } from '../i18n';

interface RatingInputProps {
  value: number | null;
  label: string;
  onChange: (value: RatingValue) => void;
  disabled?: boolean;
  /** The id of a sentence that explains what happens to the rating. */
  describedBy?: string;
}

/**
 * Half-star rating as a WAI-ARIA slider: arrows ±½, Page Up/Down ±1,
 * Home/End ½ and 5; a click on the left half of a star gives the half star.
 * 0 stands for "not rated yet" and cannot be chosen.
 */
export function RatingInput({ value, label, onChange, disabled = false, describedBy }: RatingInputProps) {
  function onKeyDown(event: KeyboardEvent) {
    if (disabled) return;
    const next = ratingForKey(value, event.key);
    if (next === null) return;
    event.preventDefault();
    if (next !== value) onChange(next);
  }

  function onClick(event: MouseEvent) {
    if (disabled) return;
    const star = (event.target as Element).closest<HTMLElement>('[data-star]');
    if (!star) return;
    const rect = star.getBoundingClientRect();
    // Without a layout (width 0) a click counts as the whole star.
    let fraction = rect.width > 0 ? (event.clientX - rect.left) / rect.width : 1;
    if (star.closest('[dir="rtl"]')) fraction = 1 - fraction;
    onChange(ratingFromPointer(Number(star.dataset.star), fraction));
  }

  return (
    <div
      class="rating-input"
      role="slider"
      tabIndex={disabled ? -1 : 0}
      aria-label={label}
      aria-describedby={describedBy}
      aria-valuemin={0}
      aria-valuemax={RATING_MAX}
      aria-valuenow={value ?? 0}
      aria-valuetext={value === null ? t('rating.notRated') : t('rating.valueText', [formatRating(value)])}
      aria-disabled={disabled}
      onKeyDown={onKeyDown}
      onClick={onClick}
    >
      {Array.from({ length: STAR_COUNT }, (_, i) => (
        <span key={i} class={`star star-${starFill(value, i)}`} data-star={i} aria-hidden="true" />
      ))}
    </div>
  );
}
