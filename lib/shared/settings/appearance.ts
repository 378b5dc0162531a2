/** How Bookside's pages look and where the in-page sidebar sits, as saved in the reader's settings. */
import { DEFAULT_SIDEBAR_LAYOUT } from './defaults';

export type Theme = 'system' | 'light' | 'dark';
export type SidebarSide = 'left' | 'right';
/** "browser": the reader keeps the sidebar in the browser's own side panel, not in pages. */
export type SidebarPlacement = 'page' | 'browser';

export interface SidebarLayout {
  open: boolean;
  side: SidebarSide;
  placement: SidebarPlacement;
}

/** Reads a stored layout defensively: anything malformed falls back to the default. */
export function parseSidebarLayout(value: unknown): SidebarLayout {
  const stored = typeof value === 'object' && value !== null ? (value as Partial<SidebarLayout>) : {};
  return {
    open: typeof stored.open === 'boolean' ? stored.open : DEFAULT_SIDEBAR_LAYOUT.open,
    side: stored.side === 'left' || stored.side === 'right' ? stored.side : DEFAULT_SIDEBAR_LAYOUT.side,
    placement: stored.placement === 'browser' ? 'browser' : DEFAULT_SIDEBAR_LAYOUT.placement,
  };
}
