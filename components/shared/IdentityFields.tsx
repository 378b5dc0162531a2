import type { ComponentChildren } from 'preact';
import { LIMITS } from '../../lib/shared/api/limits';
import { t } from '../i18n';
import type { IdentityField } from './identity-input';

interface IdentityFieldsProps {
  /** Prefix of the inputs' ids ("identity" on the options page, "comment" in the comment form). */
  idPrefix: string;
  name: string;
  email: string;
  onName: (value: string) => void;
  onEmail: (value: string) => void;
  /** The refused field and why. */
  error: { field?: IdentityField; text: string } | null;
}

/** Name and e-mail address inputs with their inline errors, for every form that sets the identity. */
export function IdentityFields({ idPrefix, name, email, onName, onEmail, error }: IdentityFieldsProps) {
  const errorFor = (field: IdentityField) => (error?.field === field ? error.text : '');
  return (
    <>
      <Field id={`${idPrefix}-name`} label={t('identity.name')} error={errorFor('name')}>
        {(describedBy) => (
          <input
            id={`${idPrefix}-name`}
            type="text"
            autoComplete="name"
            maxLength={LIMITS.nameMax}
            value={name}
            aria-invalid={errorFor('name') !== ''}
            aria-describedby={describedBy}
            onInput={(e) => onName(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id={`${idPrefix}-email`} label={t('identity.email')} error={errorFor('email')}>
        {(describedBy) => (
          <input
            id={`${idPrefix}-email`}
            type="email"
            autoComplete="email"
            maxLength={LIMITS.emailMax}
            value={email}
            aria-invalid={errorFor('email') !== ''}
            aria-describedby={describedBy}
            onInput={(e) => onEmail(e.currentTarget.value)}
          />
        )}
      </Field>
    </>
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
