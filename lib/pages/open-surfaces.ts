/**
 * Opening the sidebar and the options page from the popup or the sidebar.
 * The browser's own side panel opens only inside the click that asked for
 * it, so `openBrowserSidebar` must be called before anything is awaited.
 */
import { callBackground } from './channel';
import { fail, ok, type Result } from '../shared/messages/result';

export function openBrowserSidebar(tabId: number | null): Promise<Result<null>> {
  const firefox = (globalThis as { browser?: { sidebarAction?: { open(): Promise<void> } } }).browser?.sidebarAction;
  const opening = firefox
    ? firefox.open()
    : tabId === null
      ? Promise.reject(new Error('no tab'))
      : chrome.sidePanel.open({ tabId });
  return opening.then(
    () => ok(null),
    () => fail('unavailable', 'The browser’s side panel could not be opened.'),
  );
}

/** Through the background: an extension page framed into a web page has no `runtime.openOptionsPage` in Firefox. */
export function openOptionsPage(): Promise<Result<null>> {
  return callBackground('openOptions');
}
