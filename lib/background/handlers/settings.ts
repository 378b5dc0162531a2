import { NoPayload, ServerAddressRequest, SettingsPatch } from '../../messages/payloads';
import { ok } from '../../messages/result';
import { readSettings } from '../../settings/items';
import { setServerAddress, updateSettings } from '../../settings/update';
import { handler } from './define';

export const settingsHandlers = {
  getSettings: handler('extension-page', NoPayload, async () => ok(await readSettings())),
  setServerAddress: handler('extension-page', ServerAddressRequest, (ctx, { url }) =>
    setServerAddress(ctx.permissions, url),
  ),
  updateSettings: handler('extension-page', SettingsPatch, (ctx, patch) => updateSettings(ctx.permissions, patch)),
};
