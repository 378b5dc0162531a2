/**
 * The any-site script's library platforms (Koha, Evergreen, VuFind…), loaded
 * into a frame only once one platform's own cheap test (its `test`, which
 * the script carries alone) says "catalogue record". The script runs on
 * every page the reader visits with "any site" on, where no manifest can
 * list the host, so the background injects `content-scripts/platforms.js`
 * into the asking frame; it leaves the adapters on the content-script
 * world's global (the page cannot see it).
 */
import type { SiteAdapter } from '../detect/base/types';
import { sendToBackground } from './channel';

export const PLATFORMS_HOOK = '__booksidePlatforms';

type HookScope = { [PLATFORMS_HOOK]?: readonly SiteAdapter[] };

/** Adapters known only once the page is looked at (the any-site script's platforms). */
export type LateAdapters = (doc: Document, url: URL) => Promise<readonly SiteAdapter[]>;

export function installPlatformAdapters(adapters: readonly SiteAdapter[]): void {
  (globalThis as HookScope)[PLATFORMS_HOOK] = adapters;
}

/**
 * The platform adapters for this page: none unless a platform's test accepts
 * it, then loaded once per frame by `load`. When they cannot be loaded, the
 * generic signals still read the page.
 */
export function platformAdaptersFor(
  tests: readonly SiteAdapter['test'][],
  load: () => Promise<unknown> = () => sendToBackground('loadPlatformAdapters', undefined),
): LateAdapters {
  return async (doc, url) => {
    const scope = globalThis as HookScope;
    if (!scope[PLATFORMS_HOOK] && tests.some((test) => test(url, doc))) await load().catch(() => undefined);
    return scope[PLATFORMS_HOOK] ?? [];
  };
}
