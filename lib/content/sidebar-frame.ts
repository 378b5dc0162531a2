/**
 * Frames the sidebar (an extension page) into a host page. The iframe lives
 * in a *closed* shadow root: page scripts get `null` for `host.shadowRoot`,
 * page CSS cannot restyle it, and the sidebar's own code runs in the
 * extension's origin, never in the page.
 */
import type { SidebarLayout } from '../shared/settings/appearance';

/** Width of the open sidebar, and of the collapsed tab that opens it. */
export const SIDEBAR_WIDTH_PX = 360;
export const SIDEBAR_TAB_WIDTH_PX = 44;
export const SIDEBAR_TAB_HEIGHT_PX = 132;

/** The host element's tag: a custom-element name no page will have styled. */
export const SIDEBAR_HOST_TAG = 'bookside-sidebar';

// Above any page overlay; the host page's own modals use far less.
const Z_INDEX = '2147483646';
/** A page that keeps navigating the sidebar away loses it after this many fresh frames. */
const MAX_FRAME_REPLACEMENTS = 3;
/** User-timing mark in the host page when a hidden frame is first shown (read by `npm run bench:sidebar`). */
export const FRAME_SHOWN_MARK = 'bookside:frame-shown';

export interface SidebarFrame {
  /** Lays the frame out; a hidden frame (`hidden` at mount) is shown by this too. */
  setLayout(layout: SidebarLayout): void;
  /** False while a frame mounted `hidden` waits for detection to say "book". */
  isShown(): boolean;
  /** False once the page removed the host (single-page sites re-render the whole body). */
  isAttached(): boolean;
  /** Moves the keyboard into the sidebar (the shortcut opened it). */
  focus(): void;
  /** Whether `element` (as the page sees it: focus inside the frame shows as the host) is the sidebar. */
  contains(element: Element): boolean;
  remove(): void;
}

/**
 * `place` puts the host element into the page (the sidebar controls put it
 * first in the tab order: focus-placement.ts). `hidden`: framed now but not
 * shown (lib/content/early-frame): the sidebar page loads while the page is
 * still parsing, invisible and out of reach (no pointer, no focus, not in the
 * accessibility tree) until `setLayout`.
 */
export function mountSidebarFrame(
  doc: Document,
  sidebarUrl: string,
  layout: SidebarLayout,
  place: (host: Element) => void,
  { hidden = false }: { hidden?: boolean } = {},
): SidebarFrame {
  const host = doc.createElement(SIDEBAR_HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  root.append(style);

  // The sidebar page never navigates itself (its links open new tabs), but
  // the page can navigate any child frame through `window.frames`, even one
  // in a closed shadow root, e.g. to a lookalike comment form. A second load
  // means that happened: the frame is replaced by a fresh one.
  let replacements = 0;
  let current: HTMLIFrameElement | undefined;
  const frameSidebar = () => {
    const frame = doc.createElement('iframe');
    current = frame;
    frame.src = sidebarUrl;
    frame.title = 'Bookside';
    let loads = 0;
    frame.addEventListener('load', () => {
      loads += 1;
      if (loads === 1) return;
      frame.remove();
      if (++replacements <= MAX_FRAME_REPLACEMENTS) frameSidebar();
      else host.remove();
    });
    root.append(frame);
  };
  frameSidebar();

  // Layout goes in :host rules with !important: inside a shadow tree those
  // beat the page's own !important rules on the host element.
  let shown = !hidden;
  const apply = ({ open, side }: SidebarLayout) => {
    const box = open
      ? `top:0;height:100vh;width:min(${SIDEBAR_WIDTH_PX}px,100vw)`
      : `top:calc(50vh - ${SIDEBAR_TAB_HEIGHT_PX / 2}px);height:${SIDEBAR_TAB_HEIGHT_PX}px;width:${SIDEBAR_TAB_WIDTH_PX}px`;
    const other = side === 'left' ? 'right' : 'left';
    const visibility = shown ? '' : ';visibility:hidden';
    const rules = `all:initial;position:fixed;z-index:${Z_INDEX};display:block;${box};${side}:0;${other}:auto${visibility}`;
    style.textContent = `:host{${important(rules)}}iframe{border:0;width:100%;height:100%;display:block;background:transparent}`;
  };
  apply(layout);
  place(host);

  return {
    setLayout(next) {
      if (!shown) {
        shown = true;
        performance.mark(FRAME_SHOWN_MARK);
      }
      apply(next);
    },
    isShown: () => shown,
    isAttached: () => host.isConnected,
    focus: () => current?.focus(),
    contains: (element) => element === host,
    remove: () => host.remove(),
  };
}

function important(declarations: string): string {
  return declarations
    .split(';')
    .map((declaration) => `${declaration}!important`)
    .join(';');
}
