/**
 * The browser's own extension namespace in a content script: `browser` in
 * Firefox, `chrome` in Chrome, both promise-based in MV3. Content scripts use
 * it directly instead of the polyfill (see modules/content-script-runtime.ts).
 * Undefined once the extension behind an old script is gone.
 */
export function extensionApi(): typeof chrome | undefined {
  const scope = globalThis as { browser?: typeof chrome; chrome?: typeof chrome };
  return scope.browser?.runtime ? scope.browser : scope.chrome?.runtime ? scope.chrome : undefined;
}
