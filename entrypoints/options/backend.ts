/** The options page's backend over the extension's messages and the permissions API. */
import { browser } from 'wxt/browser';
import type { OptionsBackend, ReaderSettings } from '../../components/backend';
import { toPendingWrite, toReaderIdentity } from '../../components/view-mapping';
import { SITE_ADAPTERS } from '../../lib/detect/sites';
import { watchChanges } from '../../lib/pages/change-watch';
import { loadIdentityForPage } from '../../lib/pages/identity';
import { callBackground } from '../../lib/pages/channel';
import type { SettingsPatch } from '../../lib/shared/messages/payloads';
import { fail, ok, type Result } from '../../lib/shared/messages/result';
import type { SettingsView } from '../../lib/shared/messages/views';
import { ANY_SITE_ORIGINS } from '../../lib/shared/settings/host-permissions';

function toReaderSettings(view: SettingsView): ReaderSettings {
  return {
    serverUrl: view.serverUrl,
    anySite: view.anySite,
    sidebarSide: view.sidebar.side,
    sidebarStartsOpen: view.sidebar.open,
    sidebarPlace: view.sidebar.placement,
    theme: view.theme,
  };
}

function toPatch(change: Partial<ReaderSettings>): SettingsPatch {
  const sidebar: NonNullable<SettingsPatch['sidebar']> = {};
  if (change.sidebarSide !== undefined) sidebar.side = change.sidebarSide;
  if (change.sidebarStartsOpen !== undefined) sidebar.open = change.sidebarStartsOpen;
  if (change.sidebarPlace !== undefined) sidebar.placement = change.sidebarPlace;
  return {
    ...(Object.keys(sidebar).length > 0 ? { sidebar } : {}),
    ...(change.theme !== undefined ? { theme: change.theme } : {}),
    ...(change.anySite !== undefined ? { anySite: change.anySite } : {}),
  };
}

/** Permission prompts must open inside the reader's click: call these before awaiting anything else. */
async function request(origins: string[]): Promise<Result<boolean>> {
  try {
    return ok(await browser.permissions.request({ origins }));
  } catch {
    return fail('permission-error', 'The browser did not ask for the permission.');
  }
}

export function createOptionsBackend(): OptionsBackend {
  return {
    async loadIdentity() {
      const reply = await loadIdentityForPage();
      return reply.ok ? ok(toReaderIdentity(reply.value)) : reply;
    },
    async register(name, email) {
      const reply = await callBackground('registerIdentity', { name, email });
      return reply.ok
        ? ok({ name: reply.value.name, email: reply.value.email, confirmed: reply.value.confirmed })
        : reply;
    },
    resendConfirmation: () => callBackground('resendConfirmation'),
    forgetIdentity: () => callBackground('forgetIdentity'),
    async loadSettings() {
      const reply = await callBackground('getSettings');
      return reply.ok ? ok(toReaderSettings(reply.value)) : reply;
    },
    async saveSettings(change) {
      if (change.serverUrl !== undefined) {
        const current = await callBackground('getSettings');
        const url = current.ok && change.serverUrl === current.value.defaultServerUrl ? null : change.serverUrl;
        const saved = await callBackground('setServerAddress', { url });
        if (!saved.ok) return saved;
      }
      const patch = toPatch(change);
      const reply =
        Object.keys(patch).length > 0
          ? await callBackground('updateSettings', patch)
          : await callBackground('getSettings');
      return reply.ok ? ok(toReaderSettings(reply.value)) : reply;
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
      return ok(
        SITE_ADAPTERS.map((adapter) => ({
          id: adapter.id,
          name: adapter.name,
          enabled: reply.value.sites[adapter.id] !== false,
        })),
      );
    },
    async setSiteEnabled(siteId, enabled) {
      const reply = await callBackground('updateSettings', { sites: { [siteId]: enabled } });
      return reply.ok ? ok(null) : reply;
    },
    async loadOutbox() {
      const reply = await callBackground('listOutbox');
      return reply.ok ? ok(reply.value.map((write) => toPendingWrite(write))) : reply;
    },
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
