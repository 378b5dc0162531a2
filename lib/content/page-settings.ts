/**
 * The settings the content script acts on, read straight from
 * `storage.local` (the storage library would cost every page bytes): where
 * the sidebar sits and whether it is open now, quiet mode, and the sites the
 * reader switched off. Written only by the background.
 */
import type { ShowOn, SidebarLayout } from '../shared/settings/appearance';
import { layoutNow, parseShowOn, parseSidebarLayout } from '../shared/settings/defaults';
import { SHOW_ON_KEY, SIDEBAR_OPEN_KEY, SIDEBAR_SETTING_KEY, SITE_SWITCHES_KEY } from '../shared/settings/keys';

export interface PageSettings {
  /** Open or collapsed as the reader last left it, else as "Sidebar at first" says. */
  layout: SidebarLayout;
  showOn: ShowOn;
  /** By adapter id; sites not listed are on. */
  siteSwitches: Record<string, boolean>;
}

const KEYS = [SIDEBAR_SETTING_KEY, SIDEBAR_OPEN_KEY, SHOW_ON_KEY, SITE_SWITCHES_KEY];

// Never name a value `storage` here: the build then pulls WXT's whole storage library (with the
// browser shim) into every page's script, as if the name were its global (+3 KB gzip, seen in `npm run size`).
type StorageApi = Pick<typeof chrome.storage, 'local' | 'onChanged'>;

export async function readPageSettings(settingsArea: StorageApi): Promise<PageSettings> {
  return parsePageSettings(await settingsArea.local.get(KEYS));
}

/**
 * Calls back with all of them whenever one changes (in any tab: opening the
 * sidebar follows the reader), at once from the change itself.
 */
export function watchPageSettings(
  settingsArea: StorageApi,
  onChange: (settings: PageSettings) => void,
  signal: AbortSignal,
): void {
  let stored: Record<string, unknown> = {};
  // Changes that arrive before this read are newer than nothing and no older than it.
  void settingsArea.local.get(KEYS).then((values) => (stored = { ...values, ...stored }));
  const listener = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area !== 'local' || !KEYS.some((key) => key in changes)) return;
    stored = { ...stored };
    for (const key of KEYS) if (key in changes) stored[key] = changes[key]?.newValue;
    onChange(parsePageSettings(stored));
  };
  settingsArea.onChanged.addListener(listener);
  signal.addEventListener('abort', () => settingsArea.onChanged.removeListener(listener), { once: true });
}

function parsePageSettings(stored: Record<string, unknown>): PageSettings {
  const switches = stored[SITE_SWITCHES_KEY];
  return {
    layout: layoutNow(parseSidebarLayout(stored[SIDEBAR_SETTING_KEY]), stored[SIDEBAR_OPEN_KEY]),
    showOn: parseShowOn(stored[SHOW_ON_KEY]),
    siteSwitches: typeof switches === 'object' && switches !== null ? (switches as Record<string, boolean>) : {},
  };
}
