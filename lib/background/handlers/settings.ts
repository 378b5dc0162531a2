import { fail, ok } from '../../shared/messages/result';
import { readSettings, setServerAddress, updateSettings } from '../settings/update';
import { announceChange } from '../core/announce';
import { defineHandlers } from './define';

export const settingsHandlers = defineHandlers({
  getSettings: async () => ok(await readSettings()),
  setServerAddress: async (ctx, { url }) => {
    const result = await setServerAddress(ctx.permissions, url);
    // Another canon knows other books: its index replaces the one held.
    if (result.ok) void ctx.canonIndex.sync().catch(() => undefined);
    return result;
  },
  updateSettings: async (ctx, patch, caller) => {
    const result = await updateSettings(ctx.permissions, patch);
    // The reader opened the sidebar: the pages following that tab reload the book, now with
    // what only a looking reader is given (Open Library's chapters, tabs/looking.ts).
    if (result.ok && (patch.sidebarOpen === true || patch.sidebar?.open === true)) {
      await announceChange(['book'], ctx.now(), caller.tabId ?? undefined).catch(() => undefined);
    }
    return result;
  },
  async openOptions(ctx) {
    try {
      await ctx.openOptionsPage();
      return ok(null);
    } catch {
      return fail('unavailable', 'The options page could not be opened.');
    }
  },
});
