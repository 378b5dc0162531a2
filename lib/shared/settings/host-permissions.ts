/** The host permissions Bookside asks for, spelled in one place for the manifest, options and background. */

/** What "any site" needs: the optional host permissions, never `<all_urls>`. */
export const ANY_SITE_ORIGINS = ['https://*/*', 'http://*/*'];

/** The match pattern covering every path of one origin (or of any URL on it). */
export function hostPattern(originOrUrl: string): string {
  return `${new URL(originOrUrl).origin}/*`;
}
