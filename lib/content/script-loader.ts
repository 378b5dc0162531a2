/**
 * Loads one of Bookside's on-demand scripts (the closer look, the sidebar
 * controls) into this frame's content-script world, where it leaves what it
 * provides on the world's global (the page itself cannot see it).
 *
 * On a supported site it is imported directly: it is web-accessible to those
 * sites' pages only, like the sidebar page, and in Chrome behind a
 * per-session URL. Elsewhere (library platforms under "any site", whose
 * hosts no manifest can list) the background injects it, with the host
 * permission the reader granted: `inject` asks for that.
 */
export async function loadExtensionScript(
  api: typeof chrome,
  file: string,
  inject: () => Promise<unknown>,
): Promise<void> {
  try {
    await import(/* @vite-ignore */ api.runtime.getURL(`/${file}`));
  } catch {
    await inject();
  }
}
