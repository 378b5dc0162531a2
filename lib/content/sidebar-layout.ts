/** Where the in-page sidebar sits and whether it is open, as saved in the reader's settings. */
export interface SidebarLayout {
  open: boolean;
  side: 'left' | 'right';
  /** "browser": the reader keeps the sidebar in the browser's own side panel, not in pages. */
  placement: 'page' | 'browser';
}

export const DEFAULT_SIDEBAR_LAYOUT: SidebarLayout = { open: false, side: 'right', placement: 'page' };

/** Width of the open sidebar, and of the collapsed tab that opens it. */
export const SIDEBAR_WIDTH_PX = 360;
export const SIDEBAR_TAB_WIDTH_PX = 44;
export const SIDEBAR_TAB_HEIGHT_PX = 132;

/** Reads a stored layout defensively: anything malformed falls back to the default. */
export function parseSidebarLayout(value: unknown): SidebarLayout {
  const stored = typeof value === 'object' && value !== null ? (value as Partial<SidebarLayout>) : {};
  return {
    open: typeof stored.open === 'boolean' ? stored.open : DEFAULT_SIDEBAR_LAYOUT.open,
    side: stored.side === 'left' || stored.side === 'right' ? stored.side : DEFAULT_SIDEBAR_LAYOUT.side,
    placement: stored.placement === 'browser' ? 'browser' : 'page',
  };
}
