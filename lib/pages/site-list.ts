/**
 * Every supported site by adapter id and name, for the options page's
 * switches. The build writes the list in from lib/detect/sites (wxt.config.ts),
 * so the options page carries the names, not the adapters' code.
 */
export interface SiteInfo {
  id: string;
  /** Human name ("Barnes & Noble"). */
  name: string;
}

export const SITE_LIST: readonly SiteInfo[] = import.meta.env.BOOKSIDE_SITE_LIST;
