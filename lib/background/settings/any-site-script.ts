/**
 * "Any site": the library-platform script (Koha, Evergreen, VuFind… on every
 * library's own host) runs only once the reader turned it on in options and
 * granted the optional host permission. It is registered at run time, and
 * registrations are checked again at every worker start because the reader
 * can revoke the permission from the browser's own settings at any time.
 */
import { browser } from 'wxt/browser';
import { anySiteItem } from '../../shared/settings/items';
import { ANY_SITE_ORIGINS } from '../../shared/settings/defaults';
import { ANY_SITE_SCRIPT_FILE } from '../../shared/content-scripts';

export const ANY_SITE_SCRIPT_ID = 'bookside-any-site';

export async function syncAnySiteScript(): Promise<void> {
  const wanted = (await anySiteItem.getValue()) && (await browser.permissions.contains({ origins: ANY_SITE_ORIGINS }));
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [ANY_SITE_SCRIPT_ID] })).length > 0;
  if (wanted && !registered) {
    await browser.scripting.registerContentScripts([
      {
        id: ANY_SITE_SCRIPT_ID,
        js: [ANY_SITE_SCRIPT_FILE],
        matches: ANY_SITE_ORIGINS,
        runAt: 'document_end',
        persistAcrossSessions: true,
      },
    ]);
  } else if (!wanted && registered) {
    await browser.scripting.unregisterContentScripts({ ids: [ANY_SITE_SCRIPT_ID] });
  }
}
