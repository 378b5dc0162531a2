/**
 * The canon server a fresh install talks to. The build reads WXT_CANON_URL
 * (wxt.config.ts), so the manifest's host permission and the runtime default
 * come from the same value; without it, a server on this machine.
 */
export const LOCAL_CANON_URL = 'http://127.0.0.1:8787';

/** The origin a build was made for: WXT_CANON_URL, or the local server. */
export function buildCanonOrigin(env: { WXT_CANON_URL?: string } = {}): string {
  return new URL(env.WXT_CANON_URL ?? LOCAL_CANON_URL).origin;
}
