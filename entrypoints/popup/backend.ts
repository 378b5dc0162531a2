/** The popup's backend over the extension's messages, for the active tab. */
import { browser } from 'wxt/browser';
import type { PopupBackend } from '../../components/backend';
import { toPopupBook, toReaderIdentity } from '../../components/view-mapping';
import { watchChanges } from '../../lib/pages/change-watch';
import { openBrowserSidebar, openOptionsPage } from '../../lib/pages/open-surfaces';
import { callBackground } from '../../lib/pages/channel';
import { ok } from '../../lib/shared/messages/result';
import type { SettingsView } from '../../lib/shared/messages/views';

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

export async function createPopupBackend(): Promise<PopupBackend> {
  const tabId = await targetTabId();
  // Read now: opening the browser's side panel must not wait for anything after the click.
  const settings = await callBackground('getSettings');
  const placement: SettingsView['sidebar']['placement'] = settings.ok ? settings.value.sidebar.placement : 'page';

  return {
    async loadBook() {
      if (tabId === null) return ok(null);
      const view = await callBackground('getTabBook', { tabId });
      return view.ok ? toPopupBook(view.value) : view;
    },
    async loadIdentity() {
      const reply = await callBackground('getIdentity');
      return reply.ok ? ok(toReaderIdentity(reply.value)) : reply;
    },
    async loadTheme() {
      const reply = await callBackground('getSettings');
      return reply.ok ? ok(reply.value.theme) : reply;
    },
    setRating: (bookId, value) =>
      value === null ? callBackground('removeRating', { bookId }) : callBackground('setRating', { bookId, value }),
    setTags: (bookId, tags) => callBackground('setTags', { bookId, tags }),
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
