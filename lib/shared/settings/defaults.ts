/**
 * The values every context agrees on, each spelled once: the canon server a
 * fresh install talks to, the sidebar's layout before the reader chooses
 * one, and the host permissions Bookside asks for.
 */
import { SHOW_ON_CHOICES, type ShowOn, type SidebarLayout } from './appearance';

/**
 * The canon server without WXT_CANON_URL: one on this machine. The build
 * reads WXT_CANON_URL (wxt.config.ts), so the manifest's host permission and
 * the runtime default come from the same value.
 */
export const LOCAL_CANON_URL = 'http://127.0.0.1:8787';

/** The origin a build was made for: WXT_CANON_URL, or the local server. */
export function buildCanonOrigin(env: { WXT_CANON_URL?: string } = {}): string {
  return new URL(env.WXT_CANON_URL ?? LOCAL_CANON_URL).origin;
}

/** Without a saved layout: collapsed to a tab on the right, beside the page. */
export const DEFAULT_SIDEBAR_LAYOUT: SidebarLayout = { open: false, side: 'right', placement: 'page' };

/** Without a choice: the tab on every book page, as before quiet mode existed. */
export const DEFAULT_SHOW_ON: ShowOn = 'every-book';

/** What "any site" needs: the optional host permissions, never `<all_urls>`. */
export const ANY_SITE_ORIGINS = ['https://*/*', 'http://*/*'];

/** The match pattern covering every path of one origin (or of any URL on it). */
export function hostPattern(originOrUrl: string): string {
  return `${new URL(originOrUrl).origin}/*`;
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

/** Reads a stored quiet-mode choice defensively: anything else is the default. */
export function parseShowOn(value: unknown): ShowOn {
  return SHOW_ON_CHOICES.find((choice) => choice === value) ?? DEFAULT_SHOW_ON;
}

/**
 * The layout a page shows now: the options' layout, open or collapsed as
 * the reader last left it, or as "Sidebar at first" says until they have.
 */
export function layoutNow(layout: SidebarLayout, lastOpen: unknown): SidebarLayout {
  return typeof lastOpen === 'boolean' ? { ...layout, open: lastOpen } : layout;
}
