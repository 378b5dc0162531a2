/**
 * An extension page's view of the background's change feed, plus the tab
 * reports (`tab:<id>` in session storage) that say a tab now shows another
 * book — single-page sites change books without a reload.
 */
import { browser } from 'wxt/browser';
import { CHANGE_FEED_KEY, parseChangeNotice, type ChangeTopic } from '../messages/change-feed';

export function watchChanges(onTopic: (topic: ChangeTopic) => void, watchedTab?: () => number | null): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session') return;
    const notice = parseChangeNotice(changes[CHANGE_FEED_KEY]?.newValue);
    for (const topic of new Set(notice?.topics ?? [])) onTopic(topic);
    const tabId = watchedTab?.();
    if (tabId !== null && tabId !== undefined && `tab:${tabId}` in changes) onTopic('book');
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
