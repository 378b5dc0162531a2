/**
 * The content script's lifetime in one page: an AbortSignal everything it
 * starts is bound to, and single-page navigation. Written for Bookside rather
 * than taken from WXT's content-script runtime, which brings helpers this
 * script does not use (and several hundred gzip bytes into every page).
 *
 * The context ends when the extension is updated, reloaded or removed (the
 * runtime disappears from this old script), which is checked whenever the
 * script is about to act.
 *
 * Watching the address for single-page navigation is added only for the
 * sites that navigate in place (`followingNavigation`, chosen per site by
 * `navigatesInPlace` on its adapter): other sites load a new page, and a new
 * content script, for every address.
 */

import { extensionApi } from './extension-api';

/** How often the address is compared where the Navigation API is missing (Firefox before 147). */
export const LOCATION_POLL_MS = 1_000;

export interface PageContext {
  readonly signal: AbortSignal;
  /** False once the extension behind this script is gone; then everything is stopped. */
  readonly isValid: boolean;
  setTimeout(run: () => void, ms: number): void;
  /**
   * Calls back after the address changes without a page load (pushState,
   * replaceState, back/forward). Only in a context from `followingNavigation`.
   */
  onLocationChange?(run: () => void): void;
  onInvalidated(run: () => void): void;
}

export function createPageContext(hasRuntime: () => boolean = runtimeAlive): PageContext {
  const controller = new AbortController();
  const { signal } = controller;
  const valid = () => {
    if (!signal.aborted && !hasRuntime()) controller.abort();
    return !signal.aborted;
  };
  return {
    signal,
    get isValid() {
      return valid();
    },
    setTimeout(run, ms) {
      const id = setTimeout(() => valid() && run(), ms);
      signal.addEventListener('abort', () => clearTimeout(id), { once: true });
    },
    onInvalidated(run) {
      signal.addEventListener('abort', run, { once: true });
    },
  };
}

/** The same context, now also following single-page navigation. */
export function followingNavigation(ctx: PageContext): PageContext {
  const { signal } = ctx;
  ctx.onLocationChange = (run) => {
    let last = location.href;
    const check = () => {
      if (location.href === last || !ctx.isValid) return;
      last = location.href;
      run();
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    // `currententrychange` fires once the address has changed, for pushState too.
    if (navigation) navigation.addEventListener('currententrychange', check, { signal });
    else {
      const id = setInterval(check, LOCATION_POLL_MS);
      signal.addEventListener('abort', () => clearInterval(id), { once: true });
    }
    addEventListener('popstate', check, { signal });
  };
  return ctx;
}

function runtimeAlive(): boolean {
  return Boolean(extensionApi()?.runtime?.id);
}
