import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../lib/background/dispatch';
import { offline, senders, startHarness, type Harness } from './support/background-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness(offline);
});

/** The scripts a content script may ask for, each with the message that asks and the file it gets. */
const ON_DEMAND = [
  ['the check of an adapter’s book', 'loadBookCheck', 'book-check'],
  ['the generic signals’ page pass', 'loadGenericPagePass', 'page-pass'],
  ['the library-platform adapters', 'loadPlatformAdapters', 'platforms'],
  ['the sidebar controls', 'loadSidebarControls', 'sidebar-controls'],
] as const;

describe.each(ON_DEMAND)('loading %s into a page', (_, message, script) => {
  it(`injects ${script}.js, and nothing the content script names, into its own tab and frame`, async () => {
    const inFrame = { ...senders.contentScript, frameId: 5 };
    expect(await dispatch(h.ctx, message, undefined, inFrame)).toEqual({ ok: true, value: null });
    expect(await dispatch(h.ctx, message, 'content-scripts/x.js', inFrame)).toMatchObject({ ok: false });
    expect(await dispatch(h.ctx, message, undefined, senders.sidebarFrame)).toMatchObject({ ok: false });
    expect(h.injected).toEqual([`7:5:content-scripts/${script}.js`]);
  });
});

describe('loading the generic signals into a page', () => {
  it('injects them into the asking content script’s own tab and frame', async () => {
    const inFrame = { ...senders.contentScript, frameId: 4 };
    expect(await dispatch(h.ctx, 'loadCloserLook', undefined, senders.contentScript)).toEqual({
      ok: true,
      value: null,
    });
    expect(await dispatch(h.ctx, 'loadCloserLook', undefined, inFrame)).toEqual({ ok: true, value: null });
    expect(h.injected).toEqual(['7:0:content-scripts/closer-look.js', '7:4:content-scripts/closer-look.js']);
  });

  it('is a content script’s request only, and takes no payload', async () => {
    expect(await dispatch(h.ctx, 'loadCloserLook', undefined, senders.sidebarFrame)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await dispatch(h.ctx, 'loadCloserLook', { tabId: 1 }, senders.contentScript)).toMatchObject({ ok: false });
    expect(h.injected).toEqual([]);
  });

  it('says so when the browser refuses the injection', async () => {
    h.ctx.injectScript = async () => {
      throw new Error('Cannot access contents of the page.');
    };
    expect(await dispatch(h.ctx, 'loadCloserLook', undefined, senders.contentScript)).toMatchObject({ ok: false });
  });
});
