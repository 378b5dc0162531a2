/** The background's side of lib/shared/messages/change-feed. */
import { browser } from 'wxt/browser';
import { CHANGE_FEED_KEY, type ChangeNotice, type ChangeTopic } from '../../shared/messages/change-feed';

export async function announceChange(topics: ChangeTopic[], now = Date.now()): Promise<void> {
  if (topics.length === 0) return;
  const notice: ChangeNotice = { topics, at: now };
  await browser.storage.session.set({ [CHANGE_FEED_KEY]: notice });
}
