/**
 * `storage.local` keys of the settings content scripts read directly (they
 * skip the storage library to stay small). lib/shared/settings/items.ts defines the
 * same keys as typed items.
 */
export const SIDEBAR_SETTING_KEY = 'sidebar';
export const SITE_SWITCHES_KEY = 'siteSwitches';
/** Whether the reader turned on detection on any site (see lib/background/settings/any-site-script). */
export const ANY_SITE_KEY = 'anySite';
