/**
 * The values every context agrees on, each spelled once: the canon server a
 * fresh install talks to, the sidebar's layout before the reader chooses
 * one, and the host permissions Bookside asks for.
 */
import type { SidebarLayout } from './appearance';

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
