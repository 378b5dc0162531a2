/**
 * The page agent's way to the sidebar controls (sidebar-controls.ts), loaded
 * into this frame once a book is found. `content-scripts/sidebar-controls.js`
 * leaves its start function on the content-script world's global, as the
 * closer look does (the page cannot see it).
 */
import { SIDEBAR_CONTROLS_SCRIPT_FILE } from '../shared/content-scripts';
import { sendToBackground } from './channel';
import { loadExtensionScript } from './script-loader';
import type { StartSidebarControls } from './sidebar-controls';

export const SIDEBAR_CONTROLS_HOOK = '__booksideSidebarControls';

type HookScope = { [SIDEBAR_CONTROLS_HOOK]?: StartSidebarControls };

export function installSidebarControls(start: StartSidebarControls): void {
  (globalThis as HookScope)[SIDEBAR_CONTROLS_HOOK] = start;
}

/** The controls' start function, loaded once per frame; undefined when they cannot be loaded (an update, a refusal). */
export async function loadSidebarControls(api: typeof chrome): Promise<StartSidebarControls | undefined> {
  const scope = globalThis as HookScope;
  if (!scope[SIDEBAR_CONTROLS_HOOK]) {
    await loadExtensionScript(api, SIDEBAR_CONTROLS_SCRIPT_FILE, () =>
      sendToBackground('loadSidebarControls', undefined),
    ).catch(() => undefined);
  }
  return scope[SIDEBAR_CONTROLS_HOOK];
}
