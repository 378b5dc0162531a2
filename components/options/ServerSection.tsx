import { useState } from 'preact/hooks';
import { LIMITS } from '../../lib/shared/api/limits';
import type { SettingsView } from '../../lib/shared/messages/views';
import { t } from '../i18n';
import { outcomeText } from '../shared/outcome';
import { Field } from '../shared/IdentityFields';
import type { OptionsState } from './state';

/** The canon server address: checked, host permission asked for, then saved. */
export function ServerSection({ state, settings }: { state: OptionsState; settings: SettingsView }) {
  const [text, setText] = useState(settings.serverUrl);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const outcome = await state.setServerUrl(text);
    setError(outcomeText(outcome));
    setSaved(outcome.ok);
  }

  return (
    <section class="panel" aria-labelledby="server-title">
      <h2 id="server-title">{t('server.title')}</h2>
      <p class="muted">{t('server.privacy')}</p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Field id="server-url" label={t('server.address')} error={error}>
          {(describedBy) => (
            <input
              id="server-url"
              type="url"
              inputMode="url"
              maxLength={LIMITS.urlMax}
              value={text}
              aria-invalid={error !== ''}
              aria-describedby={describedBy ? `${describedBy} server-current` : 'server-current'}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          )}
        </Field>
        <p id="server-current" class="muted">
          {t('server.current', [settings.serverUrl])}
        </p>
        {saved && <p role="status">{t('options.saved')}</p>}
        <button type="submit">{t('server.save')}</button>
      </form>
    </section>
  );
}
