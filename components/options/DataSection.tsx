import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { outcomeText } from '../shared/outcome';
import type { OptionsState } from './state';

const EXPORT_FILE_NAME = 'bookside-my-data.json';

/** Export and import of the reader's own data as JSON, and clearing the cache. */
export function DataSection({ state }: { state: OptionsState }) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function download() {
    const result = await state.exportData();
    if (!result.ok) return setMessage({ text: result.error.message, error: true });
    const url = URL.createObjectURL(new Blob([result.value], { type: 'application/json' }));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = EXPORT_FILE_NAME;
    anchor.click();
    URL.revokeObjectURL(url);
    setMessage({ text: t('data.exported'), error: false });
  }

  async function upload(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    const outcome = await state.importData(await file.text());
    // Reset so choosing the same file again fires another change.
    input.value = '';
    setMessage(
      outcome.ok ? { text: state.announcement.value, error: false } : { text: outcomeText(outcome), error: true },
    );
  }

  async function clear() {
    const outcome = await state.clearCache();
    setMessage(
      outcome.ok ? { text: t('data.cacheCleared'), error: false } : { text: outcomeText(outcome), error: true },
    );
  }

  return (
    <section class="panel" aria-labelledby="data-title">
      <h2 id="data-title">{t('data.title')}</h2>
      <p class="muted">{t('data.explain')}</p>
      <div class="row">
        <button type="button" onClick={() => void download()}>
          {t('data.export')}
        </button>
      </div>
      <div class="field">
        <label for="data-import">{t('data.import')}</label>
        <input
          id="data-import"
          type="file"
          accept="application/json,.json"
          onChange={(e) => void upload(e.currentTarget)}
        />
      </div>
      <div class="row">
        <button type="button" onClick={() => void clear()}>
          {t('data.clearCache')}
        </button>
      </div>
      {message && (
        <p class={message.error ? 'field-error' : ''} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
