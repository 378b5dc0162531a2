/**
 * The keyboard shortcut that opens or collapses the sidebar (manifest
 * `commands`). The browser hands the shortcut to the background; the tab's
 * content script owns its frame and the page's focus, so it is told through
 * the protocol's background → content script table and decides there.
 */
import type { ContentScriptCommands } from '../../shared/messages/protocol';

/** The manifest's name for the command (wxt.config.ts). */
export const TOGGLE_SIDEBAR_COMMAND = 'toggle-sidebar';

export interface TabMessagePort {
  sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
}

type Command = keyof ContentScriptCommands;

let nextId = Math.floor(Math.random() * 1e6);

/**
 * Tells the tab's top frame to toggle its sidebar; answers whether it had one.
 * A tab without Bookside's script (a new tab, a page of another site) has no
 * listener: the browser refuses the message, and nothing else happens.
 */
export async function toggleSidebarIn(tabs: TabMessagePort, tabId: number | undefined): Promise<boolean> {
  if (tabId === undefined || tabId < 0) return false;
  const reply = await tellContentScript(tabs, tabId, 'toggleSidebar').catch(() => null);
  return reply?.ok === true && reply.value;
}

async function tellContentScript<K extends Command>(
  tabs: TabMessagePort,
  tabId: number,
  type: K,
): Promise<ReturnType<ContentScriptCommands[K]> | null> {
  const envelope = { id: nextId++, type, data: undefined, timestamp: Date.now() };
  const response = (await tabs.sendMessage(tabId, envelope, { frameId: 0 })) as { res?: unknown } | undefined;
  if (typeof response !== 'object' || response === null || !('res' in response)) return null;
  return response.res as ReturnType<ContentScriptCommands[K]>;
}
