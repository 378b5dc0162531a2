/**
 * An extension page's view of the background's change feed, plus the tab
 * reports (`tab:<id>` in session storage) that say a tab now shows another
 * book — single-page sites change books without a reload.
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

export function watchChanges(onTopic: (topic: ChangeTopic) => void, watchedTab?: () => number | null): () => void {
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
    if (area !== 'session') return;
    for (const topic of parseChangeNotice(changes[CHANGE_FEED_KEY]?.newValue)?.topics ?? []) pending.add(topic);
    const tabId = watchedTab?.();
    if (tabId !== null && tabId !== undefined && `tab:${tabId}` in changes) pending.add('book');
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
