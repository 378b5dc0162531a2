/**
 * Non-private settings in `storage.local`, readable by every context (the
 * content script reads the sidebar placement and site switches directly).
 * Nothing personal belongs here: the identity lives in the background's
 * IndexedDB. Changed only through the background's messages.
 */
import { storage } from 'wxt/utils/storage';
import type { SettingsView } from '../messages/views';
import { ANY_SITE_KEY, SIDEBAR_SETTING_KEY, SITE_SWITCHES_KEY } from './keys';

/** The build-time default canon server (WXT_CANON_URL), an origin without a trailing slash. */
export const DEFAULT_CANON_URL: string = import.meta.env.WXT_CANON_URL ?? 'http://127.0.0.1:8787';

/** A reader-chosen canon server origin; null means the default. */
export const canonServerItem = storage.defineItem<string | null>('local:canonServer', { fallback: null, version: 1 });
/** Per-site switches by adapter id; sites not listed are on. */
export const siteSwitchesItem = storage.defineItem<Record<string, boolean>>(`local:${SITE_SWITCHES_KEY}`, {
  fallback: {},
  version: 1,
});
/** Detection on any site, granted through the optional host permission. */
export const anySiteItem = storage.defineItem<boolean>(`local:${ANY_SITE_KEY}`, { fallback: false, version: 1 });
export const sidebarItem = storage.defineItem<SettingsView['sidebar']>(`local:${SIDEBAR_SETTING_KEY}`, {
  fallback: { side: 'right', open: false, placement: 'page' },
  version: 1,
});
export const themeItem = storage.defineItem<SettingsView['theme']>('local:theme', { fallback: 'system', version: 1 });

export async function currentCanonServer(): Promise<string> {
  return (await canonServerItem.getValue()) ?? DEFAULT_CANON_URL;
}

export async function readSettings(): Promise<SettingsView> {
  const [serverUrl, sites, anySite, sidebar, theme] = await Promise.all([
    currentCanonServer(),
    siteSwitchesItem.getValue(),
    anySiteItem.getValue(),
    sidebarItem.getValue(),
    themeItem.getValue(),
  ]);
  return { serverUrl, defaultServerUrl: DEFAULT_CANON_URL, sites, anySite, sidebar, theme };
}
