/**
 * A commenter identity as typed into a form: the options page's and the
 * comment form's one check before `registerIdentity` is sent, so both refuse
 * the same input with the same words.
 */
import { checkEmail, checkName } from '../../lib/pages/reader-input';
import type { ActionOutcome } from './outcome';

export type IdentityField = 'name' | 'email';

export type CheckedIdentity =
  { ok: true; name: string; email: string } | { ok: false; field: IdentityField; outcome: ActionOutcome };

export function checkIdentity(name: string, email: string): CheckedIdentity {
  const checkedName = checkName(name);
  if (!checkedName.ok) return { ok: false, field: 'name', outcome: { ok: false, refusal: checkedName.reason } };
  const checkedEmail = checkEmail(email);
  if (!checkedEmail.ok) return { ok: false, field: 'email', outcome: { ok: false, refusal: checkedEmail.reason } };
  return { ok: true, name: checkedName.value, email: checkedEmail.value };
}
