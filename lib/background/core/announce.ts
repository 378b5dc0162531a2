/** The background's side of lib/shared/messages/change-feed. */
import { browser } from 'wxt/browser';
import { CHANGE_FEED_KEY, type ChangeNotice, type ChangeTopic } from '../../shared/messages/change-feed';

/** Tells open pages what changed; with `tabId`, only the pages following that tab. */
export async function announceChange(topics: ChangeTopic[], now = Date.now(), tabId?: number): Promise<void> {
  if (topics.length === 0) return;
  const notice: ChangeNotice = tabId === undefined ? { topics, at: now } : { topics, at: now, tabId };
  await browser.storage.local.set({ [CHANGE_FEED_KEY]: notice });
}
