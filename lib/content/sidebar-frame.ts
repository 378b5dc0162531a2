/**
 * Frames the sidebar (an extension page) into a host page. The iframe lives
 * in a *closed* shadow root: page scripts get `null` for `host.shadowRoot`,
 * page CSS cannot restyle it, and the sidebar's own code runs in the
 * extension's origin, never in the page.
 */
import { SIDEBAR_TAB_HEIGHT_PX, SIDEBAR_TAB_WIDTH_PX, SIDEBAR_WIDTH_PX, type SidebarLayout } from './sidebar-layout';

/** The host element's tag: a custom-element name no page will have styled. */
export const SIDEBAR_HOST_TAG = 'bookside-sidebar';

// Above any page overlay; the host page's own modals use far less.
const Z_INDEX = '2147483646';

export interface SidebarFrame {
  setLayout(layout: SidebarLayout): void;
  /** False once the page removed the host (single-page sites re-render the whole body). */
  isAttached(): boolean;
  remove(): void;
}

export function mountSidebarFrame(doc: Document, sidebarUrl: string, layout: SidebarLayout): SidebarFrame {
  const host = doc.createElement(SIDEBAR_HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  const frame = doc.createElement('iframe');
  frame.src = sidebarUrl;
  frame.title = 'Bookside';
  root.append(style, frame);

  // Layout goes in :host rules with !important: inside a shadow tree those
  // beat the page's own !important rules on the host element.
  const apply = ({ open, side }: SidebarLayout) => {
    const box = open
      ? `top:0;height:100vh;width:min(${SIDEBAR_WIDTH_PX}px,100vw)`
      : `top:calc(50vh - ${SIDEBAR_TAB_HEIGHT_PX / 2}px);height:${SIDEBAR_TAB_HEIGHT_PX}px;width:${SIDEBAR_TAB_WIDTH_PX}px`;
    const other = side === 'left' ? 'right' : 'left';
    const rules = `all:initial;position:fixed;z-index:${Z_INDEX};display:block;${box};${side}:0;${other}:auto`;
    style.textContent = `:host{${important(rules)}}iframe{border:0;width:100%;height:100%;display:block;background:transparent}`;
  };
  apply(layout);
  (doc.body ?? doc.documentElement).append(host);

  return {
    setLayout: apply,
    isAttached: () => host.isConnected,
    remove: () => host.remove(),
  };
}

function important(declarations: string): string {
  return declarations
    .split(';')
    .map((declaration) => `${declaration}!important`)
    .join(';');
}
