/**
 * `storage.local` keys of the settings content scripts read directly (they
 * skip the storage library to stay small). lib/shared/settings/items.ts defines the
 * same keys as typed items.
 */
export const SIDEBAR_SETTING_KEY = 'sidebar';
/**
 * Whether the reader last left the sidebar open or collapsed (null: not
 * since "Sidebar at first" was chosen). Kept apart from that option, which
 * only the options page changes.
 */
export const SIDEBAR_OPEN_KEY = 'sidebarOpen';
/** Quiet mode: on which book pages the sidebar appears (lib/shared/settings/appearance `ShowOn`). */
export const SHOW_ON_KEY = 'showOn';
export const SITE_SWITCHES_KEY = 'siteSwitches';
/** Whether the reader turned on detection on any site (see lib/background/settings/any-site-script). */
export const ANY_SITE_KEY = 'anySite';
