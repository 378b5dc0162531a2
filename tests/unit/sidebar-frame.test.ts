// @vitest-environment happy-dom
/**
 * The sidebar frame in a page. Its shadow root is closed, so the test reads
 * it the only way the frame's own code can: from what `attachShadow`
 * returned.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  mountSidebarFrame,
  SIDEBAR_HOST_TAG,
  SIDEBAR_TAB_WIDTH_PX,
  SIDEBAR_WIDTH_PX,
} from '../../lib/content/sidebar-frame';
import type { SidebarLayout } from '../../lib/shared/settings/appearance';
import { placeInTabOrder } from '../../lib/content/focus-placement';
import { quietFramedPageLoads } from './framed-page-loads';

const SIDEBAR_URL = 'chrome-extension://test-extension-id/sidepanel.html?in-page=1';
const CLOSED_RIGHT: SidebarLayout = { open: false, side: 'right', placement: 'page' };
const OPEN_LEFT: SidebarLayout = { open: true, side: 'left', placement: 'page' };

function mount(layout: SidebarLayout = CLOSED_RIGHT) {
  const attach = vi.spyOn(Element.prototype, 'attachShadow');
  const frame = mountSidebarFrame(document, SIDEBAR_URL, layout, (host) => placeInTabOrder(document, host));
  const host = document.querySelector(SIDEBAR_HOST_TAG);
  const root = attach.mock.results[0]?.value as ShadowRoot | undefined;
  if (!host || !root) throw new Error('no sidebar host or shadow root');
  attach.mockRestore();
  return {
    frame,
    host,
    root,
    mode: root.mode,
    iframe: () => root.querySelector('iframe'),
    /** The `:host` rule's declarations, by property. */
    hostRules: () => {
      const css = root.querySelector('style')?.textContent ?? '';
      const body = /:host\{([^}]*)\}/.exec(css)?.[1] ?? '';
      return Object.fromEntries(
        body.split(';').map((declaration) => {
          const [property = '', ...value] = declaration.split(':');
          return [property, value.join(':')];
        }),
      );
    },
  };
}

describe('the sidebar frame', () => {
  beforeEach(() => {
    document.body.replaceChildren();
    quietFramedPageLoads();
  });
  afterEach(() => vi.restoreAllMocks());

  it('frames the sidebar page in a closed shadow root on the page’s body', () => {
    const { host, root, mode, iframe, frame } = mount();
    expect(host.parentNode).toBe(document.body);
    expect(mode).toBe('closed');
    expect(host.shadowRoot).toBeNull();
    expect(root.host).toBe(host);
    expect(iframe()?.src).toBe(SIDEBAR_URL);
    expect(iframe()?.title).toBe('Bookside');
    expect(frame.isAttached()).toBe(true);
  });

  it('places itself by the layout, every declaration !important', () => {
    const { frame, hostRules } = mount(CLOSED_RIGHT);
    const closed = hostRules();
    expect(closed.width).toBe(`${SIDEBAR_TAB_WIDTH_PX}px!important`);
    expect(closed.right).toBe('0!important');
    expect(closed.left).toBe('auto!important');
    expect(closed.position).toBe('fixed!important');
    expect(Object.values(closed).every((value) => value.endsWith('!important'))).toBe(true);

    frame.setLayout(OPEN_LEFT);
    const open = hostRules();
    expect(open.width).toBe(`min(${SIDEBAR_WIDTH_PX}px,100vw)!important`);
    expect(open.height).toBe('100vh!important');
    expect(open.left).toBe('0!important');
    expect(open.right).toBe('auto!important');
  });

  it('moves without reloading the sidebar', () => {
    const { frame, iframe } = mount(CLOSED_RIGHT);
    const before = iframe();
    frame.setLayout(OPEN_LEFT);
    frame.setLayout(CLOSED_RIGHT);
    expect(iframe()).toBe(before);
    expect(document.querySelectorAll(SIDEBAR_HOST_TAG)).toHaveLength(1);
  });

  it('is gone after remove()', () => {
    const { frame, host } = mount();
    frame.remove();
    expect(frame.isAttached()).toBe(false);
    expect(host.isConnected).toBe(false);
    expect(document.querySelector(SIDEBAR_HOST_TAG)).toBeNull();
  });

  it('knows when the page re-rendered it away', () => {
    const { frame } = mount();
    document.body.replaceChildren(document.createElement('main'));
    expect(frame.isAttached()).toBe(false);
  });

  it('replaces a frame the page navigated, and gives up on a page that keeps doing it', () => {
    const { host, iframe } = mount();
    const first = iframe();
    first?.dispatchEvent(new Event('load'));
    // The sidebar's own first load is not a navigation.
    expect(iframe()).toBe(first);

    const seen = new Set([first]);
    while (host.isConnected && seen.size < 10) {
      iframe()?.dispatchEvent(new Event('load'));
      const next = iframe();
      if (next === null) break;
      expect(seen.has(next)).toBe(false);
      expect(next.src).toBe(SIDEBAR_URL);
      seen.add(next);
      next.dispatchEvent(new Event('load'));
    }
    // The first frame and three fresh ones, then the page loses the sidebar.
    expect(seen.size).toBe(4);
    expect(host.isConnected).toBe(false);
  });

  it('goes on the document element in a page without a body', () => {
    const doc = document.implementation.createHTMLDocument('frameset');
    doc.body.remove();
    const frame = mountSidebarFrame(doc, SIDEBAR_URL, CLOSED_RIGHT, (host) => placeInTabOrder(doc, host));
    expect(doc.documentElement.lastElementChild?.localName).toBe(SIDEBAR_HOST_TAG);
    frame.remove();
    expect(doc.querySelector(SIDEBAR_HOST_TAG)).toBeNull();
  });
});
