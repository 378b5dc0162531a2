import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../lib/background/dispatch';
import { offline, senders, startHarness, type Harness } from './support/background-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness(offline);
});

describe('loading the generic signals into a page', () => {
  it('injects them into the asking content script’s own tab and frame', async () => {
    const inFrame = { ...senders.contentScript, frameId: 4 };
    expect(await dispatch(h.ctx, 'loadCloserLook', undefined, senders.contentScript)).toEqual({
      ok: true,
      value: null,
    });
    expect(await dispatch(h.ctx, 'loadCloserLook', undefined, inFrame)).toEqual({ ok: true, value: null });
    expect(h.injected).toEqual(['7:0', '7:4']);
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
    h.ctx.injectCloserLook = async () => {
      throw new Error('Cannot access contents of the page.');
    };
    expect(await dispatch(h.ctx, 'loadCloserLook', undefined, senders.contentScript)).toMatchObject({ ok: false });
  });
});
