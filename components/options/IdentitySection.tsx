import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { LIMITS } from '../../lib/shared/api/limits';
import { t } from '../i18n';
import { PanelFrame } from '../shared/PanelFrame';
import { outcomeText } from '../shared/outcome';
import type { IdentityField, OptionsState } from './state';

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

  const errorFor = (field: IdentityField) => (error?.field === field ? error.text : '');
  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <p class="muted">{t('identity.explain')}</p>
      <Field id="identity-name" label={t('identity.name')} error={errorFor('name')}>
        {(describedBy) => (
          <input
            id="identity-name"
            type="text"
            autoComplete="name"
            maxLength={LIMITS.nameMax}
            value={name}
            aria-invalid={errorFor('name') !== ''}
            aria-describedby={describedBy}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id="identity-email" label={t('identity.email')} error={errorFor('email')}>
        {(describedBy) => (
          <input
            id="identity-email"
            type="email"
            autoComplete="email"
            maxLength={LIMITS.emailMax}
            value={email}
            aria-invalid={errorFor('email') !== ''}
            aria-describedby={describedBy}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        )}
      </Field>
      {error && !error.field && (
        <p class="field-error" role="alert">
          {error.text}
        </p>
      )}
      <button type="submit">{t('identity.register')}</button>
    </form>
  );
}

/** A labelled input with its inline error, which the input names in aria-describedby. */
export function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error: string;
  children: (describedBy: string | undefined) => ComponentChildren;
}) {
  const errorId = `${id}-error`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children(error ? errorId : undefined)}
      {error && (
        <p id={errorId} class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
