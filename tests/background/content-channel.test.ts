/**
 * The content script's hand-made envelope (lib/content/channel) against the
 * real other end: @webext-core/messaging's `onMessage`, wired to the real
 * dispatch as the background entry wires it, over an in-process runtime.
 * The fake browser's own `runtime.sendMessage` answers only listeners that
 * return `true`; browsers also take a listener's promise, which is what the
 * messaging library returns, so that one call is replaced by one that does
 * what the browsers do.
 */
import 'fake-indexeddb/auto';
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../lib/background/dispatch';
import { MESSAGE_NAMES } from '../../lib/background/handlers';
import { sendToBackground } from '../../lib/content/channel';
import { callBackground } from '../../lib/pages/channel';
import type { BookRef } from '../../lib/shared/book-ref';
import type { ProtocolMap } from '../../lib/shared/messages/protocol';
import { offline, senders, startHarness } from './support/background-harness';

const BOOK: BookRef = {
  isbn13: ['9781861978738'],
  title: 'We-Think',
  authors: ['Charles Leadbeater'],
  site: 'amazon',
  signals: ['jsonld'],
};

/** Every message as it crossed the runtime. */
let crossed: unknown[] = [];
/** Who the browser says sent the next message. */
let sender: unknown = senders.contentScript;

/** As browsers deliver: a copy of the message to every listener, with the sender; the first answer wins. */
function wireRuntime(): void {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    crossed.push(message);
    const answers = await fakeBrowser.runtime.onMessage.trigger(
      structuredClone(message),
      structuredClone(sender) as Browser.runtime.MessageSender,
      () => undefined,
    );
    const answer = answers.find((candidate) => candidate !== undefined);
    return answer === undefined ? undefined : structuredClone(answer);
  }) as never);
}

/** The background entry's wiring (entrypoints/background.ts) over a background built by the harness. */
async function startBackground(): Promise<void> {
  const { ctx } = await startHarness(offline);
  const messenger = defineExtensionMessaging<ProtocolMap>();
  for (const name of MESSAGE_NAMES) {
    messenger.onMessage(
      name,
      async ({ data, sender: from }) => (await dispatch(ctx, name, data, from)) as ReturnType<ProtocolMap[typeof name]>,
    );
  }
}

beforeEach(() => {
  crossed = [];
  sender = senders.contentScript;
});
afterEach(() => vi.restoreAllMocks());

describe('the content script’s channel to the real background', () => {
  beforeEach(async () => {
    await startBackground();
    wireRuntime();
  });

  it('reports the page’s book, and the tab then has it', async () => {
    expect(await sendToBackground('reportPageBook', BOOK)).toEqual({ ok: true, value: null });

    const view = await sendToBackground('getPageBookView', undefined);
    expect(view.ok && view.value?.book).toEqual(BOOK);

    // The same report, seen from an extension page over the library's own sender.
    sender = senders.popup;
    const tab = await callBackground('getTabBook', { tabId: senders.contentScript.tab.id });
    expect(tab.ok && tab.value?.book).toEqual(BOOK);
  });

  it('speaks the messaging library’s envelope', async () => {
    await sendToBackground('reportPageBook', null);
    sender = senders.popup;
    await callBackground('getSettings');
    const [ours, theirs] = crossed as Record<string, unknown>[];
    expect(Object.keys(ours ?? {}).sort()).toEqual(Object.keys(theirs ?? {}).sort());
    expect(ours).toMatchObject({ type: 'reportPageBook', data: null });
    expect(typeof ours?.id).toBe('number');
    expect(typeof ours?.timestamp).toBe('number');
  });

  it('gives the background’s refusal back as a value, not a throw', async () => {
    // The same message from an extension page: only content scripts may report a page's book.
    sender = senders.options;
    const reply = await sendToBackground('reportPageBook', BOOK);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('has its payload checked like any other message', async () => {
    const reply = await sendToBackground('reportPageBook', { ...BOOK, isbn13: ['not an isbn'] });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });
});

describe('the content script’s channel when the other end fails', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    wireRuntime();
  });

  it('throws the listener’s error, with its message', async () => {
    const messenger = defineExtensionMessaging<ProtocolMap>();
    // The library sends a failing handler's error back as `{ err }`.
    messenger.onMessage('reportPageBook', async () => {
      throw new Error('The tab is gone.');
    });
    await expect(sendToBackground('reportPageBook', BOOK)).rejects.toThrow('The tab is gone.');
  });

  it('throws when nothing answers', async () => {
    const messenger = defineExtensionMessaging<ProtocolMap>();
    messenger.onMessage('getPageBookView', () => ({ ok: true, value: null }));
    await expect(sendToBackground('reportPageBook', BOOK)).rejects.toThrow('No answer from the background.');
  });

  it('throws when the extension behind the script is gone', async () => {
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', undefined);
    try {
      await expect(sendToBackground('reportPageBook', BOOK)).rejects.toThrow('No extension runtime');
    } finally {
      vi.stubGlobal('browser', fakeBrowser);
      vi.stubGlobal('chrome', fakeBrowser);
    }
    expect(crossed).toEqual([]);
  });
});
