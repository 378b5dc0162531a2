/** How Bookside's pages look and where the in-page sidebar sits, as saved in the reader's settings. */
export type Theme = 'system' | 'light' | 'dark';
export type SidebarSide = 'left' | 'right';
/** "browser": the reader keeps the sidebar in the browser's own side panel, not in pages. */
export type SidebarPlacement = 'page' | 'browser';

export interface SidebarLayout {
  open: boolean;
  side: SidebarSide;
  placement: SidebarPlacement;
}
