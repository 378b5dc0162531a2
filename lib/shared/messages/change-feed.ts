/**
 * How extension pages learn that something they show has changed (a write
 * delivered, an identity confirmed, settings saved, a tab now showing another
 * book): the background writes a notice to `storage.local` and every page
 * watches `storage.onChanged`. No message has to find an open page, a page
 * hears of changes made while the worker was asleep, and an open page never
 * keeps the worker awake. `storage.local`, not `storage.session`: an extension
 * page framed into a web page gets only content-script APIs in Firefox, and
 * no `storage.session` among them. A notice names topics and a tab, nothing
 * about the reader.
 */
import type { MessageName } from './protocol';

export type ChangeTopic = 'book' | 'comments' | 'mine' | 'outbox' | 'identity' | 'settings';

export const CHANGE_FEED_KEY = 'change-feed';

export interface ChangeNotice {
  topics: ChangeTopic[];
  /** Only pages following this tab need to hear it (a tab now shows another book). */
  tabId?: number;
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
  editComment: WRITE,
  deleteComment: WRITE,
  nominateBook: WRITE,
  secondNomination: WRITE,
  registerIdentity: ['identity', 'outbox', 'book', 'mine'],
  forgetIdentity: ['identity', 'outbox', 'book', 'mine'],
  setServerAddress: ['settings', 'identity', 'book', 'comments', 'mine', 'outbox'],
  updateSettings: ['settings'],
  rememberSidebarOpen: ['settings'],
  retryOutbox: ['outbox'],
  discardOutbox: ['outbox', 'book'],
  importData: ['outbox', 'identity', 'settings'],
  clearCache: ['book', 'comments'],
};

/** Reads a notice defensively; anything malformed is no notice. */
export function parseChangeNotice(value: unknown): ChangeNotice | null {
  if (typeof value !== 'object' || value === null) return null;
  const { topics, at, tabId } = value as Partial<ChangeNotice>;
  if (!Array.isArray(topics) || typeof at !== 'number') return null;
  const notice: ChangeNotice = { topics: topics.filter((t): t is ChangeTopic => typeof t === 'string'), at };
  if (typeof tabId === 'number') notice.tabId = tabId;
  return notice;
}
