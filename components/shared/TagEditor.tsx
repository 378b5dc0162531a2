import { useState } from 'preact/hooks';
import { LIMITS } from '../../lib/shared/api/limits';
import { t } from '../i18n';
import { outcomeText, type ActionOutcome } from './outcome';

interface TagEditorProps {
  /** Unique in the page, for the input's label and list. */
  id: string;
  tags: readonly string[];
  /** Offered while typing: the book's existing tags. */
  suggestions: readonly string[];
  onAdd: (raw: string) => Promise<ActionOutcome>;
  onRemove: (tag: string) => Promise<ActionOutcome>;
}

/** The reader's own tags for a book: remove one, or type a new one (with the book's tags as suggestions). */
export function TagEditor({ id, tags, suggestions, onAdd, onRemove }: TagEditorProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const errorId = `${id}-error`;
  const offered = suggestions.filter((s) => !tags.includes(s));

  async function submit(event: Event) {
    event.preventDefault();
    const outcome = await onAdd(text);
    setError(outcomeText(outcome));
    if (outcome.ok) setText('');
  }

  async function remove(tag: string) {
    setError(outcomeText(await onRemove(tag)));
  }

  return (
    <div class="tag-editor">
      {tags.length > 0 && (
        <ul class="chips" aria-label={t('tags.mine')}>
          {tags.map((tag) => (
            <li key={tag} class="chip">
              <span dir="auto">{tag}</span>
              <button
                type="button"
                class="chip-remove"
                aria-label={t('tags.remove', [tag])}
                onClick={() => void remove(tag)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="inline-form" noValidate onSubmit={(e) => void submit(e)}>
        <label for={`${id}-input`}>{t('tags.add')}</label>
        <div class="row">
          <input
            id={`${id}-input`}
            type="text"
            list={`${id}-suggestions`}
            maxLength={LIMITS.tagMax}
            value={text}
            aria-invalid={error !== ''}
            aria-describedby={error ? errorId : undefined}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <button type="submit">{t('tags.addButton')}</button>
        </div>
        <datalist id={`${id}-suggestions`}>
          {offered.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        {error && (
          <p id={errorId} class="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}
