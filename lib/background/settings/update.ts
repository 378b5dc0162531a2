/** Changing settings: the server address (with its host permission) and the rest of the options. */
import type { PermissionsPort } from '../core/context';
import { ANY_SITE_ORIGINS, hostPattern } from '../../shared/settings/defaults';
import { fail, ok, type Result } from '../../shared/messages/result';
import type { SettingsPatch } from '../../shared/messages/payloads';
import type { SettingsView } from '../../shared/messages/views';
import {
  canonNameItem,
  anySiteItem,
  canonServerItem,
  DEFAULT_CANON_URL,
  currentCanonServer,
  sidebarItem,
  siteSwitchesItem,
  themeItem,
} from '../../shared/settings/items';

export async function setServerAddress(
  permissions: PermissionsPort,
  url: string | null,
): Promise<Result<SettingsView>> {
  const origin = url === null ? DEFAULT_CANON_URL : new URL(url).origin;
  if (origin !== DEFAULT_CANON_URL && !(await permissions.contains([hostPattern(origin)]))) {
    // Only a page can ask for a permission (it needs a user gesture); it asks, then sends this again.
    return fail('permission-required', `Allow access to ${origin} first.`);
  }
  await canonServerItem.setValue(origin === DEFAULT_CANON_URL ? null : origin);
  return ok(await readSettings());
}

export async function updateSettings(
  permissions: PermissionsPort,
  patch: SettingsPatch,
): Promise<Result<SettingsView>> {
  if (patch.anySite === true && !(await permissions.contains(ANY_SITE_ORIGINS))) {
    return fail('permission-required', 'Allow access to all sites first.');
  }
  if (patch.sites !== undefined) {
    await siteSwitchesItem.setValue({ ...(await siteSwitchesItem.getValue()), ...patch.sites });
  }
  if (patch.anySite !== undefined) await anySiteItem.setValue(patch.anySite);
  if (patch.sidebar !== undefined) await sidebarItem.setValue({ ...(await sidebarItem.getValue()), ...patch.sidebar });
  if (patch.theme !== undefined) await themeItem.setValue(patch.theme);
  return ok(await readSettings());
}

/** Every setting as extension pages see it. */
export async function readSettings(): Promise<SettingsView> {
  const [serverUrl, canonName, sites, anySite, sidebar, theme] = await Promise.all([
    currentCanonServer(),
    canonNameItem.getValue(),
    siteSwitchesItem.getValue(),
    anySiteItem.getValue(),
    sidebarItem.getValue(),
    themeItem.getValue(),
  ]);
  return { serverUrl, defaultServerUrl: DEFAULT_CANON_URL, canonName, sites, anySite, sidebar, theme };
}
