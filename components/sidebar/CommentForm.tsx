import { useState } from 'preact/hooks';
import { LIMITS } from '../../lib/shared/api/limits';
import { codePointLength } from '../../lib/shared/api/text';
import { formatNumber, t } from '../i18n';
import { readyValue } from '../shared/load';
import { outcomeText } from '../shared/outcome';
import type { SidebarState } from './state';
import type { IdentityField } from '../shared/identity-input';
import { IdentityFields } from '../shared/IdentityFields';

/**
 * The comment form. The draft is saved as it is typed and kept until the
 * comment is queued. Without an identity the form asks for name and e-mail
 * address itself and sets them before posting, as the seed page does; an
 * unconfirmed identity gets "follow the link we sent" with a resend. The
 * address is never shown here: this page is framed into someone else's.
 */
export function CommentForm({ state }: { state: SidebarState }) {
  const [error, setError] = useState<{ field?: IdentityField; text: string } | null>(null);
  const [resent, setResent] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const draft = state.draft.value;
  const identityLoad = state.identity.value;
  const identity = readyValue(identityLoad);
  const length = codePointLength(draft.body);

  const asksIdentity = identityLoad.status === 'ready' && identity === null;

  async function submit(event: Event) {
    event.preventDefault();
    if (asksIdentity) {
      const { field, outcome } = await state.postCommentAs(name, email);
      setError(outcome.ok ? null : { field, text: outcomeText(outcome) });
      return;
    }
    const outcome = await state.postComment();
    setError(outcome.ok ? null : { text: outcomeText(outcome) });
  }
  const bodyError = error && !error.field ? error.text : '';

  async function resend() {
    const outcome = await state.resendConfirmation();
    setResent(outcome.ok ? t('identity.resent') : outcomeText(outcome));
  }

  return (
    <section class="panel" aria-labelledby="comment-form-title">
      <h2 id="comment-form-title">{t('form.title')}</h2>
      <p class="muted">{t('form.invitation')}</p>
      {identity && !identity.confirmed && (
        <div class="notice">
          <p>{t('form.checkInbox')}</p>
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
          aria-invalid={bodyError !== ''}
          aria-describedby={bodyError ? 'comment-count comment-error' : 'comment-count'}
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
        {asksIdentity && (
          <fieldset class="inline-identity">
            <legend>{t('identity.title')}</legend>
            <p class="muted">{t('form.identityIntro')}</p>
            <IdentityFields
              idPrefix="comment"
              name={name}
              email={email}
              onName={setName}
              onEmail={setEmail}
              error={error}
            />
          </fieldset>
        )}
        {bodyError && (
          <p id="comment-error" class="field-error" role="alert">
            {bodyError}
          </p>
        )}
        <button type="submit" disabled={state.posting.value}>
          {state.posting.value ? t('form.sending') : asksIdentity ? t('form.submitWithIdentity') : t('form.submit')}
        </button>
      </form>
    </section>
  );
}
