import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { syncAnySiteScript } from '../lib/background/settings/any-site-script';
import { dispatch } from '../lib/background/dispatch';
import { MESSAGE_NAMES } from '../lib/background/handlers';
import { dropTabReport } from '../lib/background/tabs/tab-reports';
import { createBackground, loadShippedSnapshot, onWorkerStart } from '../lib/background/worker';
import { CANON_SNAPSHOT_FILE } from '../lib/shared/canon-snapshot';
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from '../lib/shared/messages/protocol';
import { OUTBOX_ALARM } from '../lib/background/outbox/sender';
import { ANY_SITE_KEY } from '../lib/shared/settings/keys';
import { CLOSER_LOOK_SCRIPT_FILE } from '../lib/shared/content-scripts';

export default defineBackground({
  type: 'module',
  main() {
    // The snapshot is generated at build time, so WXT's typed list of public paths does not name it.
    const snapshotUrl = (browser.runtime.getURL as (path: string) => string)(`/${CANON_SNAPSHOT_FILE}`);
    const messenger = defineExtensionMessaging<ProtocolMap>();
    const ready = createBackground({
      fetch: (input, init) => fetch(input, init),
      permissions: { contains: (origins) => browser.permissions.contains({ origins }) },
      openOptionsPage: () => browser.runtime.openOptionsPage(),
      injectCloserLook: async (tabId, frameId) => {
        await browser.scripting.executeScript({
          target: { tabId, frameIds: [frameId] },
          files: [`/${CLOSER_LOOK_SCRIPT_FILE}` as const],
        });
      },
      alarms: browser.alarms,
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      uiLanguage: () => browser.i18n.getUILanguage(),
    });

    // Listeners are registered synchronously so the events that wake the worker are not missed.
    for (const name of MESSAGE_NAMES) {
      messenger.onMessage(
        name,
        async ({ data, sender }) =>
          (await dispatch(await ready, name, data, sender)) as ReturnType<ProtocolMap[typeof name]>,
      );
    }
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === OUTBOX_ALARM) void ready.then((ctx) => ctx.outbox.flush());
    });
    browser.runtime.onInstalled.addListener(() => void ready.then((ctx) => loadShippedSnapshot(ctx, snapshotUrl)));
    browser.tabs.onRemoved.addListener((tabId) => void dropTabReport(tabId));
    globalThis.addEventListener('online', () => void ready.then((ctx) => ctx.outbox.flush()));

    browser.permissions.onRemoved.addListener(() => void syncAnySiteScript());
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && ANY_SITE_KEY in changes) void syncAnySiteScript();
    });

    void ready.then((ctx) => onWorkerStart(ctx, snapshotUrl));
    void syncAnySiteScript().catch((error: unknown) => console.error('Bookside: any-site script not synced', error));
  },
});
