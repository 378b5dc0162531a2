import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { messenger } from '../lib/messages/protocol';
import { fail, ok } from '../lib/messages/result';

export default defineBackground({
  type: 'module',
  main() {
    messenger.onMessage('reportPageBook', async ({ data, sender }) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return fail('forbidden-sender', 'Only a tab can report its page.');
      // Session storage outlives the worker but not the browser, and content
      // scripts cannot read it.
      await browser.storage.session.set({ [`tab:${tabId}`]: { url: sender.tab?.url ?? sender.url, book: data } });
      return ok(null);
    });
  },
});
