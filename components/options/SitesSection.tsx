import { useState } from 'preact/hooks';
import type { SettingsView } from '../../lib/shared/messages/views';
import { t } from '../i18n';
import { PanelFrame } from '../shared/PanelFrame';
import { outcomeText, type ActionOutcome } from '../shared/outcome';
import type { OptionsState } from './state';

/** Which sites Bookside reads, and the opt-in "any site" permission. */
export function SitesSection({ state, settings }: { state: OptionsState; settings: SettingsView }) {
  const [error, setError] = useState('');

  // A refused switch flips back: the saved value did not change, so nothing re-renders it.
  async function toggle(box: HTMLInputElement, save: (on: boolean) => Promise<ActionOutcome>) {
    const on = box.checked;
    const outcome = await save(on);
    setError(outcomeText(outcome));
    if (!outcome.ok) box.checked = !on;
  }
  return (
    <PanelFrame id="sites" title={t('sites.title')} load={state.sites.value} onRetry={() => void state.reload.sites()}>
      {(sites) => (
        <>
          <fieldset>
            <legend>{t('sites.known')}</legend>
            <ul class="switches">
              {sites.map((site) => (
                <li key={site.id}>
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={site.enabled}
                      onChange={(e) => void toggle(e.currentTarget, (on) => state.setSiteEnabled(site.id, on))}
                    />
                    {site.name}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <label class="check">
            <input
              type="checkbox"
              checked={settings.anySite}
              aria-describedby="any-site-explain"
              onChange={(e) => void toggle(e.currentTarget, state.setAnySite)}
            />
            {t('sites.anySite')}
          </label>
          <p id="any-site-explain" class="muted">
            {t('sites.anySiteExplain')}
          </p>
          {error && (
            <p class="field-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </PanelFrame>
  );
}
