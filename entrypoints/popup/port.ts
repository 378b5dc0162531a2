/** The popup's port over the extension's messages, for the active tab. */
import { browser } from 'wxt/browser';
import type { PopupPort } from '../../components/ports';
import { watchChanges } from '../../lib/pages/change-watch';
import { callBackground } from '../../lib/pages/channel';
import { sendRating } from '../../lib/pages/rating-write';
import { loadReaderIdentity } from '../../lib/pages/identity';
import { openBrowserSidebar, openOptionsPage } from '../../lib/pages/open-surfaces';
import { ok } from '../../lib/shared/messages/result';
import type { SidebarPlacement } from '../../lib/shared/settings/appearance';

/**
 * The tab the popup is about: the active tab, or `?tab=<id>` when the popup
 * page is opened on its own (in a window or a tab of its own, where the
 * active tab would be the popup itself).
 */
async function targetTabId(): Promise<number | null> {
  const given = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(given) && given > 0) return given;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export async function createPopupPort(): Promise<PopupPort> {
  const tabId = await targetTabId();
  // Read now: opening the browser's side panel must not wait for anything after the click.
  const settings = await callBackground('getSettings');
  const placement: SidebarPlacement = settings.ok ? settings.value.sidebar.placement : 'page';

  return {
    loadBook: async () => (tabId === null ? ok(null) : callBackground('getTabBook', { tabId })),
    loadIdentity: loadReaderIdentity,
    loadSettings: () => callBackground('getSettings'),
    setRating: (bookId, value, bookTitle) => sendRating(bookId, value, bookTitle),
    setTags: (bookId, tags, bookTitle) => callBackground('setTags', { bookId, tags, bookTitle }),
    async openSidebar() {
      if (placement === 'browser') return openBrowserSidebar(tabId);
      const reply = await callBackground('updateSettings', { sidebar: { open: true } });
      if (reply.ok) window.close();
      return reply.ok ? ok(null) : reply;
    },
    openOptions: openOptionsPage,
    onChange: (listener) => watchChanges(listener, () => tabId),
  };
}
