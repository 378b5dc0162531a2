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

/**
 * Quiet mode: on which book pages the sidebar's tab appears. "known": the
 * canon has the book or a nomination for it; "in-canon": only canon books.
 * The toolbar badge marks canon books whatever this says.
 */
export type ShowOn = 'every-book' | 'known' | 'in-canon';
export const SHOW_ON_CHOICES: readonly ShowOn[] = ['every-book', 'known', 'in-canon'];
