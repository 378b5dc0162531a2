/**
 * The options page's state and actions. Every input is checked before it is
 * saved; a refused input leaves the saved value as it was.
 */
import { signal } from '@preact/signals';
import type { Result } from '../../lib/shared/messages/result';
import { checkServerUrl } from '../../lib/pages/reader-input';
import { hostPattern } from '../../lib/shared/settings/defaults';
import type { ChangeTopic } from '../../lib/shared/messages/change-feed';
import type { SettingsPatch } from '../../lib/shared/messages/payloads';
import type { PendingWrite, SettingsView } from '../../lib/shared/messages/views';
import type { OptionsPort, ReaderIdentity, SiteSwitch } from '../ports';
import { formatNumber, t } from '../i18n';
import { fromResult, LOADING, type Load } from '../shared/load';
import type { ActionOutcome } from '../shared/outcome';
import { checkIdentity, type IdentityField } from '../shared/identity-input';

export type { IdentityField } from '../shared/identity-input';

export function createOptionsState(backend: OptionsPort) {
  const identity = signal<Load<ReaderIdentity | null>>(LOADING);
  const settings = signal<Load<SettingsView>>(LOADING);
  const sites = signal<Load<SiteSwitch[]>>(LOADING);
  const outbox = signal<Load<PendingWrite[]>>(LOADING);
  const announcement = signal('');

  const load = {
    identity: async () => void (identity.value = fromResult(await backend.loadIdentity())),
    settings: async () => void (settings.value = fromResult(await backend.loadSettings())),
    sites: async () => void (sites.value = fromResult(await backend.loadSites())),
    outbox: async () => void (outbox.value = fromResult(await backend.loadOutbox())),
  };

  const reloaders: Partial<Record<ChangeTopic, () => Promise<void>>> = {
    identity: load.identity,
    settings: load.settings,
    outbox: load.outbox,
  };

  function start(): () => void {
    const unsubscribe = backend.onChange((topic) => void reloaders[topic]?.());
    void Promise.all(Object.values(load).map((f) => f()));
    return unsubscribe;
  }

  async function run<T>(
    action: Promise<Result<T>>,
    doneText: string,
    after?: (value: T) => void,
  ): Promise<ActionOutcome> {
    const result = await action;
    if (!result.ok) {
      announcement.value = result.error.message;
      return { ok: false, message: result.error.message, code: result.error.code };
    }
    after?.(result.value);
    announcement.value = doneText;
    return { ok: true };
  }

  /** Registers name and e-mail; answers per field what was wrong, or the backend's failure. */
  async function register(name: string, email: string): Promise<{ field?: IdentityField; outcome: ActionOutcome }> {
    const checked = checkIdentity(name, email);
    if (!checked.ok) return { field: checked.field, outcome: checked.outcome };
    const outcome = await run(backend.register(checked.name, checked.email), t('identity.registered'), (value) => {
      identity.value = { status: 'ready', value };
    });
    return { outcome };
  }

  function resendConfirmation(): Promise<ActionOutcome> {
    return run(backend.resendConfirmation(), t('identity.resent'));
  }

  function forgetIdentity(): Promise<ActionOutcome> {
    return run(backend.forgetIdentity(), t('identity.forgotten'), () => {
      identity.value = { status: 'ready', value: null };
    });
  }

  const showSettings = (value: SettingsView) => void (settings.value = { status: 'ready', value });

  function saveSettings(patch: SettingsPatch): Promise<ActionOutcome> {
    return run(backend.saveSettings(patch), t('options.saved'), showSettings);
  }

  /** Checks the address, asks for the host permission, and only then saves it. */
  async function setServerUrl(raw: string): Promise<ActionOutcome> {
    const checked = checkServerUrl(raw);
    if (!checked.ok) return { ok: false, refusal: checked.reason };
    const granted = await backend.requestHostPermission(hostPattern(checked.value));
    if (!granted.ok) return { ok: false, message: granted.error.message, code: granted.error.code };
    if (!granted.value) return { ok: false, message: t('server.permissionRefused') };
    return run(backend.setServerAddress(checked.value), t('options.saved'), showSettings);
  }

  async function setAnySite(enabled: boolean): Promise<ActionOutcome> {
    const result = await backend.setAnySite(enabled);
    if (!result.ok) return { ok: false, message: result.error.message, code: result.error.code };
    if (enabled && !result.value) return { ok: false, message: t('sites.permissionRefused') };
    await load.settings();
    announcement.value = t('options.saved');
    return { ok: true };
  }

  function setSiteEnabled(siteId: string, enabled: boolean): Promise<ActionOutcome> {
    return run(backend.setSiteEnabled(siteId, enabled), t('options.saved'), () => {
      if (sites.value.status === 'ready') {
        sites.value = {
          status: 'ready',
          value: sites.value.value.map((s) => (s.id === siteId ? { ...s, enabled } : s)),
        };
      }
    });
  }

  function retryWrite(id: string): Promise<ActionOutcome> {
    return run(backend.retryWrite(id), t('outbox.retrying'), () => void load.outbox());
  }

  function discardWrite(id: string): Promise<ActionOutcome> {
    return run(backend.discardWrite(id), t('outbox.discarded'), () => {
      if (outbox.value.status === 'ready') {
        outbox.value = { status: 'ready', value: outbox.value.value.filter((w) => w.id !== id) };
      }
    });
  }

  /** The reader's data as JSON text, for the page to offer as a download. */
  async function exportData(): Promise<Result<string>> {
    const result = await backend.exportData();
    announcement.value = result.ok ? t('data.exported') : result.error.message;
    return result;
  }

  async function importData(json: string): Promise<ActionOutcome> {
    const result = await backend.importData(json);
    if (!result.ok) {
      announcement.value = result.error.message;
      return { ok: false, message: result.error.message, code: result.error.code };
    }
    announcement.value = t('data.imported', result.value.imported, [formatNumber(result.value.imported)]);
    void Promise.all([load.identity(), load.outbox()]);
    return { ok: true };
  }

  function clearCache(): Promise<ActionOutcome> {
    return run(backend.clearCache(), t('data.cacheCleared'));
  }

  return {
    identity,
    settings,
    sites,
    outbox,
    announcement,
    start,
    reload: load,
    register,
    resendConfirmation,
    forgetIdentity,
    saveSettings,
    setServerUrl,
    setAnySite,
    setSiteEnabled,
    retryWrite,
    discardWrite,
    exportData,
    importData,
    clearCache,
  };
}

export type OptionsState = ReturnType<typeof createOptionsState>;
