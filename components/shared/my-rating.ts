/**
 * The reader's own rating of the tab's book, for the popup and the sidebar
 * alike: setting it (shown at once, put back if the background refuses) and
 * what to say about it in each identity state.
 */
import type { Signal } from '@preact/signals';
import type { RatingValue } from '../../lib/shared/api/limits';
import type { MyBookState } from '../../lib/shared/api/responses';
import type { Result } from '../../lib/shared/messages/result';
import type { AnsweredBook } from '../ports';
import { t } from '../i18n';
import { readyValue, type Load } from './load';
import type { ActionOutcome } from './outcome';

/**
 * Where the reader stands. Without an identity a rating waits in the outbox,
 * unsent; with one not yet confirmed it counts as provisional; confirmed, it
 * counts.
 */
export type Standing = 'no-identity' | 'unconfirmed' | 'confirmed';

export function standingOf(view: AnsweredBook): Standing {
  if (!view.identity.registered) return 'no-identity';
  return view.identity.confirmed ? 'confirmed' : 'unconfirmed';
}

/** The sentence beside the rating control: true in every identity state, said before the reader rates. */
export function ratingNote(standing: Standing, rated: boolean): string {
  switch (standing) {
    case 'no-identity':
      return rated ? t('myRating.waitsForIdentity') : t('myRating.needsIdentity');
    case 'unconfirmed':
      return rated ? t('myRating.provisional') : t('myRating.willBeProvisional');
    case 'confirmed':
      return rated ? t('myRating.counts') : '';
  }
}

type SetRating = (bookId: string, value: RatingValue | null, bookTitle?: string) => Promise<Result<unknown>>;

/** `rate` and `removeRating` over a surface's book signal and its port. */
export function createRatingActions(
  book: Signal<Load<AnsweredBook | null>>,
  setRating: SetRating,
  announce: (text: string) => void,
) {
  async function change(value: RatingValue | null, doneText: string): Promise<ActionOutcome> {
    const before = book.value;
    const current = readyValue(before);
    if (!current?.canon.answer.inCanon) return { ok: false };
    const { id, title } = current.canon.answer.entry;
    const base: MyBookState = current.mine ?? { bookId: id, rating: null, tags: [], provisional: true };
    const mine: MyBookState = { ...base, rating: value };
    book.value = { status: 'ready', value: { ...current, mine } };
    const result = await setRating(id, value, title);
    if (!result.ok) {
      book.value = before;
      announce(result.error.message);
      return { ok: false, message: result.error.message, code: result.error.code };
    }
    announce(doneText);
    return { ok: true };
  }
  return {
    rate: (value: RatingValue) => change(value, t('rating.saved')),
    removeRating: () => change(null, t('rating.removed')),
  };
}
