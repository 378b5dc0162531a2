import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../lib/background/dispatch';
import { offline, senders, startHarness, type Harness } from './support/background-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness(offline);
});

describe('loading the check of an adapter’s book into a page', () => {
  it('injects the book-check script, and nothing the content script names, into its own tab and frame', async () => {
    const inFrame = { ...senders.contentScript, frameId: 5 };
    expect(await dispatch(h.ctx, 'loadBookCheck', undefined, inFrame)).toEqual({ ok: true, value: null });
    expect(await dispatch(h.ctx, 'loadBookCheck', 'content-scripts/x.js', inFrame)).toMatchObject({ ok: false });
    expect(await dispatch(h.ctx, 'loadBookCheck', undefined, senders.sidebarFrame)).toMatchObject({ ok: false });
    expect(h.injected).toEqual(['7:5:content-scripts/book-check.js']);
  });
});

describe('loading the generic signals’ page pass into a page', () => {
  it('injects the page-pass script, and nothing the content script names, into its own tab and frame', async () => {
    const inFrame = { ...senders.contentScript, frameId: 6 };
    expect(await dispatch(h.ctx, 'loadGenericPagePass', undefined, inFrame)).toEqual({ ok: true, value: null });
    expect(await dispatch(h.ctx, 'loadGenericPagePass', 'content-scripts/x.js', inFrame)).toMatchObject({
      ok: false,
    });
    expect(await dispatch(h.ctx, 'loadGenericPagePass', undefined, senders.sidebarFrame)).toMatchObject({
      ok: false,
    });
    expect(h.injected).toEqual(['7:6:content-scripts/page-pass.js']);
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

describe('loading the library-platform adapters into a page', () => {
  it('injects the platforms script, and nothing the content script names, into its own tab and frame', async () => {
    const inFrame = { ...senders.contentScript, frameId: 2 };
    expect(await dispatch(h.ctx, 'loadPlatformAdapters', undefined, inFrame)).toEqual({ ok: true, value: null });
    expect(await dispatch(h.ctx, 'loadPlatformAdapters', 'content-scripts/x.js', inFrame)).toMatchObject({ ok: false });
    expect(await dispatch(h.ctx, 'loadPlatformAdapters', undefined, senders.sidebarFrame)).toMatchObject({ ok: false });
    expect(h.injected).toEqual(['7:2:content-scripts/platforms.js']);
  });
});

describe('loading the sidebar controls into a page', () => {
  it('injects the sidebar-controls script, and nothing the content script names, into its own tab and frame', async () => {
    const inFrame = { ...senders.contentScript, frameId: 3 };
    expect(await dispatch(h.ctx, 'loadSidebarControls', undefined, inFrame)).toEqual({ ok: true, value: null });
    expect(await dispatch(h.ctx, 'loadSidebarControls', 'content-scripts/x.js', inFrame)).toMatchObject({ ok: false });
    expect(await dispatch(h.ctx, 'loadSidebarControls', undefined, senders.sidebarFrame)).toMatchObject({ ok: false });
    expect(h.injected).toEqual(['7:3:content-scripts/sidebar-controls.js']);
  });
});
