/**
 * An extension page's view of the background's change feed
 * (lib/shared/messages/change-feed). Notices about one tab (it now shows
 * another book: single-page sites change books without a reload) reach only
 * pages following that tab.
 */
import { browser } from 'wxt/browser';
import { CHANGE_FEED_KEY, parseChangeNotice, type ChangeTopic } from '../shared/messages/change-feed';

/**
 * Notices arriving within this window are handled once, and a page reloads
 * at most once per interval: a stream of writes (an import, a flush of many
 * queued rows) would otherwise make an open page reload its lists once per
 * write, competing with the background that is sending them.
 */
export const CHANGE_COALESCE_MS = 150;
export const CHANGE_MIN_INTERVAL_MS = 1_000;

export function watchChanges(
  onTopic: (topic: ChangeTopic) => void,
  watchedTab?: () => number | null | undefined,
): () => void {
  const pending = new Set<ChangeTopic>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastDelivery = -Infinity;
  const deliver = () => {
    timer = undefined;
    lastDelivery = Date.now();
    const topics = [...pending];
    pending.clear();
    for (const topic of topics) onTopic(topic);
  };
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const notice = parseChangeNotice(changes[CHANGE_FEED_KEY]?.newValue);
    // A tab of `undefined`: the page does not know its tab yet (a sidebar framed before its page's book was
    // reported) and hears every tab's notices until it does.
    const watched = watchedTab ? watchedTab() : null;
    if (notice === null || (notice.tabId !== undefined && watched !== undefined && notice.tabId !== watched)) return;
    for (const topic of notice.topics) pending.add(topic);
    if (pending.size > 0) {
      timer ??= setTimeout(deliver, Math.max(CHANGE_COALESCE_MS, lastDelivery + CHANGE_MIN_INTERVAL_MS - Date.now()));
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    browser.storage.onChanged.removeListener(listener);
    if (timer !== undefined) clearTimeout(timer);
  };
}
