import { fail, ok } from '../../shared/messages/result';
import { readSettings, setServerAddress, updateSettings } from '../settings/update';
import { defineHandlers } from './define';

export const settingsHandlers = defineHandlers({
  getSettings: async () => ok(await readSettings()),
  setServerAddress: (ctx, { url }) => setServerAddress(ctx.permissions, url),
  updateSettings: (ctx, patch) => updateSettings(ctx.permissions, patch),
  async openOptions(ctx) {
    try {
      await ctx.openOptionsPage();
      return ok(null);
    } catch {
      return fail('unavailable', 'The options page could not be opened.');
    }
  },
});
