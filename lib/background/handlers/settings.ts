import { NoPayload, ServerAddressRequest, SettingsPatch } from '../../shared/messages/payloads';
import { ok } from '../../shared/messages/result';
import { readSettings } from '../../shared/settings/items';
import { setServerAddress, updateSettings } from '../settings/update';
import { handler } from './define';

export const settingsHandlers = {
  getSettings: handler('extension-page', NoPayload, async () => ok(await readSettings())),
  setServerAddress: handler('extension-page', ServerAddressRequest, (ctx, { url }) =>
    setServerAddress(ctx.permissions, url),
  ),
  updateSettings: handler('extension-page', SettingsPatch, (ctx, patch) => updateSettings(ctx.permissions, patch)),
};
