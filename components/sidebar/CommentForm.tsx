import { useState } from 'preact/hooks';
import { LIMITS } from '../../lib/shared/api/limits';
import { codePointLength } from '../../lib/shared/api/text';
import { formatNumber, t } from '../i18n';
import { readyValue } from '../shared/load';
import { outcomeText } from '../shared/outcome';
import type { SidebarState } from './state';

/**
 * The comment form. The draft is saved as it is typed and kept until the
 * comment is queued; an unconfirmed identity gets "check your inbox" with a
 * resend, a missing one a way to the options page.
 */
export function CommentForm({ state }: { state: SidebarState }) {
  const [error, setError] = useState('');
  const [resent, setResent] = useState('');
  const draft = state.draft.value;
  const identityLoad = state.identity.value;
  const identity = readyValue(identityLoad);
  const length = codePointLength(draft.body);

  async function submit(event: Event) {
    event.preventDefault();
    setError(outcomeText(await state.postComment()));
  }

  async function resend() {
    const outcome = await state.resendConfirmation();
    setResent(outcome.ok ? t('identity.resent') : outcomeText(outcome));
  }

  return (
    <section class="panel" aria-labelledby="comment-form-title">
      <h2 id="comment-form-title">{t('form.title')}</h2>
      <p class="muted">{t('form.invitation')}</p>
      {identityLoad.status === 'ready' && identity === null && (
        <div class="notice">
          <p>{t('form.noIdentity')}</p>
          <button type="button" onClick={state.openOptions}>
            {t('form.openOptions')}
          </button>
        </div>
      )}
      {identity && !identity.confirmed && (
        <div class="notice">
          <p>{t('identity.checkInbox', [identity.email])}</p>
          <button type="button" onClick={() => void resend()}>
            {t('identity.resend')}
          </button>
          {resent && <p role="status">{resent}</p>}
        </div>
      )}
      <form noValidate onSubmit={(e) => void submit(e)}>
        <label for="comment-body">{t('form.body')}</label>
        <textarea
          id="comment-body"
          rows={5}
          value={draft.body}
          aria-invalid={error !== ''}
          aria-describedby={error ? 'comment-count comment-error' : 'comment-count'}
          onInput={(e) => state.editDraft({ body: e.currentTarget.value })}
        />
        <p id="comment-count" class={`muted ${length > LIMITS.commentMax ? 'over' : ''}`}>
          {t('form.count', [formatNumber(length), formatNumber(LIMITS.commentMax)])}
        </p>
        <label class="check">
          <input
            type="checkbox"
            checked={draft.spoiler}
            onChange={(e) => state.editDraft({ spoiler: e.currentTarget.checked })}
          />
          {t('form.spoiler')}
        </label>
        {error && (
          <p id="comment-error" class="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={state.posting.value}>
          {state.posting.value ? t('form.sending') : t('form.submit')}
        </button>
      </form>
    </section>
  );
}
