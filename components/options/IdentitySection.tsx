import { useState } from 'preact/hooks';
import { t } from '../i18n';
import type { IdentityField } from '../shared/identity-input';
import { IdentityFields } from '../shared/IdentityFields';
import { PanelFrame } from '../shared/PanelFrame';
import { outcomeText } from '../shared/outcome';
import type { OptionsState } from './state';

/** Commenter identity: register name and e-mail, see whether it is confirmed, resend, forget. */
export function IdentitySection({ state }: { state: OptionsState }) {
  return (
    <PanelFrame
      id="identity"
      title={t('identity.title')}
      load={state.identity.value}
      onRetry={() => void state.reload.identity()}
    >
      {(identity) =>
        identity === null ? (
          <RegisterForm state={state} />
        ) : (
          <div>
            <p>
              <bdi>{identity.name}</bdi> · <bdi>{identity.email}</bdi>
            </p>
            <p class={identity.confirmed ? 'confirmed' : 'notice'}>
              {identity.confirmed ? t('identity.confirmed') : t('identity.checkInbox', [identity.email])}
            </p>
            <IdentityActions state={state} confirmed={identity.confirmed} />
          </div>
        )
      }
    </PanelFrame>
  );
}

function IdentityActions({ state, confirmed }: { state: OptionsState; confirmed: boolean }) {
  const [message, setMessage] = useState('');
  return (
    <div class="row">
      {!confirmed && (
        <button
          type="button"
          onClick={async () => setMessage(outcomeText(await state.resendConfirmation()) || t('identity.resent'))}
        >
          {t('identity.resend')}
        </button>
      )}
      <button type="button" onClick={async () => setMessage(outcomeText(await state.forgetIdentity()))}>
        {t('identity.forget')}
      </button>
      {message && <p role="status">{message}</p>}
    </div>
  );
}

function RegisterForm({ state }: { state: OptionsState }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<{ field?: IdentityField; text: string } | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const { field, outcome } = await state.register(name, email);
    setError(outcome.ok ? null : { field, text: outcomeText(outcome) });
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <p class="muted">{t('identity.explain')}</p>
      <IdentityFields idPrefix="identity" name={name} email={email} onName={setName} onEmail={setEmail} error={error} />
      {error && !error.field && (
        <p class="field-error" role="alert">
          {error.text}
        </p>
      )}
      <button type="submit">{t('identity.register')}</button>
    </form>
  );
}
