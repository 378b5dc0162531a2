import type { RatingValue } from '../../lib/shared/api/limits';
import { t } from '../i18n';
import type { AnsweredBook } from '../ports';
import { ratingNote, standingOf } from './my-rating';
import { RatingInput } from './RatingInput';

interface MyRatingProps {
  book: AnsweredBook;
  /** Distinguishes the note's id where two surfaces could share a document (tests). */
  id: string;
  onRate: (value: RatingValue) => unknown;
  onRemove: () => unknown;
  /** Where the reader sets a name and e-mail address; shown while there is none. */
  onSetIdentity: () => void;
  /** False while the reader's own state could not be loaded (offline): the control waits. */
  available?: boolean;
}

/**
 * The reader's own rating, the same in the popup and the sidebar: half stars,
 * a way to remove it, and a sentence that says what happens to it now.
 */
export function MyRating({ book, id, onRate, onRemove, onSetIdentity, available = true }: MyRatingProps) {
  const rating = book.mine?.rating ?? null;
  const standing = standingOf(book);
  const note = available ? ratingNote(standing, rating !== null) : t('myRating.unavailable');
  return (
    <div class="my-rating">
      <div class="field">
        <RatingInput
          value={rating}
          label={t('popup.yourRating')}
          describedBy={note ? `${id}-note` : undefined}
          disabled={!available}
          onChange={(v) => void onRate(v)}
        />
        {rating !== null && available && (
          <button type="button" class="link-button" onClick={() => void onRemove()}>
            {t('popup.removeRating')}
          </button>
        )}
      </div>
      {note && (
        <p id={`${id}-note`} class={standing === 'confirmed' ? 'muted' : 'note'}>
          {note}
        </p>
      )}
      {standing === 'no-identity' && available && (
        <button type="button" class="link-button" onClick={onSetIdentity}>
          {t('myRating.setIdentity')}
        </button>
      )}
    </div>
  );
}
