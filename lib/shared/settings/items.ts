/**
 * Non-private settings in `storage.local`, readable by every context (the
 * content script reads the sidebar placement and site switches directly).
 * Nothing personal belongs here: the identity lives in the background's
 * IndexedDB. Changed only through the background's messages.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_CANON_NAME } from '../api/canon';
import type { SidebarLayout, Theme } from './appearance';
import { buildCanonOrigin, DEFAULT_SIDEBAR_LAYOUT } from './defaults';
import { ANY_SITE_KEY, SIDEBAR_SETTING_KEY, SITE_SWITCHES_KEY } from './keys';

/** The build-time default canon server, an origin without a trailing slash. */
export const DEFAULT_CANON_URL: string = buildCanonOrigin({ WXT_CANON_URL: import.meta.env.WXT_CANON_URL });

/** A reader-chosen canon server origin; null means the default. */
export const canonServerItem = storage.defineItem<string | null>('local:canonServer', { fallback: null, version: 1 });
/** Per-site switches by adapter id; sites not listed are on. */
export const siteSwitchesItem = storage.defineItem<Record<string, boolean>>(`local:${SITE_SWITCHES_KEY}`, {
  fallback: {},
  version: 1,
});
/** Detection on any site, granted through the optional host permission. */
export const anySiteItem = storage.defineItem<boolean>(`local:${ANY_SITE_KEY}`, { fallback: false, version: 1 });
export const sidebarItem = storage.defineItem<SidebarLayout>(`local:${SIDEBAR_SETTING_KEY}`, {
  fallback: DEFAULT_SIDEBAR_LAYOUT,
  version: 1,
});
export const themeItem = storage.defineItem<Theme>('local:theme', { fallback: 'system', version: 1 });

/** The canon's name as the shipped snapshot gives it (CANON_NAME at build time). */
export const canonNameItem = storage.defineItem<string>('local:canonName', {
  fallback: DEFAULT_CANON_NAME,
  version: 1,
});

export async function currentCanonServer(): Promise<string> {
  return (await canonServerItem.getValue()) ?? DEFAULT_CANON_URL;
}
