/**
 * How extension pages learn that something they show has changed (a write
 * delivered, an identity confirmed, settings saved): the background writes a
 * notice to `storage.session`, which extension pages can watch and content
 * scripts cannot read. No message has to find an open page.
 */
import type { MessageName } from './protocol';

export type ChangeTopic = 'book' | 'comments' | 'mine' | 'outbox' | 'identity' | 'settings';

export const CHANGE_FEED_KEY = 'change-feed';

export interface ChangeNotice {
  topics: ChangeTopic[];
  /** Epoch ms; also makes every notice a new value, so each one fires `storage.onChanged`. */
  at: number;
}

const WRITE: ChangeTopic[] = ['outbox', 'book', 'mine', 'comments'];

/** What a successful message changes, for those that change anything. */
export const TOPICS_CHANGED_BY: Partial<Record<MessageName, ChangeTopic[]>> = {
  postComment: WRITE,
  setRating: WRITE,
  removeRating: WRITE,
  setTags: WRITE,
  addReviewLink: WRITE,
  flagComment: WRITE,
  nominateBook: WRITE,
  secondNomination: WRITE,
  registerIdentity: ['identity', 'outbox', 'book', 'mine'],
  forgetIdentity: ['identity', 'outbox', 'book', 'mine'],
  setServerAddress: ['settings', 'identity', 'book', 'comments', 'mine', 'outbox'],
  updateSettings: ['settings'],
  retryOutbox: ['outbox'],
  discardOutbox: ['outbox', 'book'],
  importData: ['outbox', 'identity', 'settings'],
  clearCache: ['book', 'comments'],
};

/** Reads a notice defensively; anything malformed is no notice. */
export function parseChangeNotice(value: unknown): ChangeNotice | null {
  if (typeof value !== 'object' || value === null) return null;
  const { topics, at } = value as Partial<ChangeNotice>;
  if (!Array.isArray(topics) || typeof at !== 'number') return null;
  return { topics: topics.filter((t): t is ChangeTopic => typeof t === 'string'), at };
}
