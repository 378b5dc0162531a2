/** The options page's port over the extension's messages and the permissions API. */
import { browser } from 'wxt/browser';
import type { OptionsPort } from '../../components/ports';
import { watchChanges } from '../../lib/pages/change-watch';
import { callBackground } from '../../lib/pages/channel';
import { loadReaderIdentity, registerReaderIdentity } from '../../lib/pages/identity';
import { SITE_LIST } from '../../lib/pages/site-list';
import { fail, ok, type Result } from '../../lib/shared/messages/result';
import { ANY_SITE_ORIGINS } from '../../lib/shared/settings/defaults';

/** Permission prompts must open inside the reader's click: call these before awaiting anything else. */
async function request(origins: string[]): Promise<Result<boolean>> {
  try {
    return ok(await browser.permissions.request({ origins }));
  } catch {
    return fail('permission-error', 'The browser did not ask for the permission.');
  }
}

export function createOptionsPort(): OptionsPort {
  return {
    loadIdentity: loadReaderIdentity,
    register: registerReaderIdentity,
    resendConfirmation: () => callBackground('resendConfirmation'),
    forgetIdentity: () => callBackground('forgetIdentity'),
    loadSettings: () => callBackground('getSettings'),
    saveSettings: (patch) => callBackground('updateSettings', patch),
    async setServerAddress(url) {
      const current = await callBackground('getSettings');
      // The built-in address is stored as "no choice", so a later build's default applies.
      return callBackground('setServerAddress', {
        url: current.ok && url === current.value.defaultServerUrl ? null : url,
      });
    },
    requestHostPermission: (pattern) => request([pattern]),
    async setAnySite(enabled) {
      if (enabled) {
        const granted = await request(ANY_SITE_ORIGINS);
        if (!granted.ok || !granted.value) return granted;
      } else {
        // Give the permission back: "off" means Bookside cannot read other sites at all.
        await browser.permissions.remove({ origins: ANY_SITE_ORIGINS }).catch(() => false);
      }
      const reply = await callBackground('updateSettings', { anySite: enabled });
      return reply.ok ? ok(true) : reply;
    },
    async loadSites() {
      const reply = await callBackground('getSettings');
      if (!reply.ok) return reply;
      return ok(SITE_LIST.map(({ id, name }) => ({ id, name, enabled: reply.value.sites[id] !== false })));
    },
    async setSiteEnabled(siteId, enabled) {
      const reply = await callBackground('updateSettings', { sites: { [siteId]: enabled } });
      return reply.ok ? ok(null) : reply;
    },
    loadOutbox: () => callBackground('listOutbox'),
    async retryWrite(writeId) {
      const reply = await callBackground('retryOutbox', { id: writeId });
      return reply.ok ? ok(null) : reply;
    },
    discardWrite: (writeId) => callBackground('discardOutbox', { id: writeId }),
    async exportData() {
      const reply = await callBackground('exportData');
      return reply.ok ? ok(JSON.stringify(reply.value, null, 2)) : reply;
    },
    async importData(json) {
      let file: unknown;
      try {
        file = JSON.parse(json);
      } catch {
        return fail('invalid-file', 'This file is not JSON; nothing was imported.');
      }
      // The background checks the file's shape and refuses it whole if anything is wrong.
      const reply = await callBackground('importData', file as Parameters<typeof callBackground<'importData'>>[1]);
      return reply.ok ? ok({ imported: reply.value.writes }) : reply;
    },
    clearCache: () => callBackground('clearCache'),
    onChange: (listener) => watchChanges(listener),
  };
}
