import type { InputRefusal } from '../../lib/pages/reader-input';
import { refusalText } from './refusal';

/** What a form action came to: done, refused before sending (with why), or failed with the backend's message. */
export type ActionOutcome = { ok: true } | { ok: false; refusal?: InputRefusal; message?: string; code?: string };

/** The inline message for a failed action; empty when it succeeded. */
export function outcomeText(outcome: ActionOutcome): string {
  if (outcome.ok) return '';
  if (outcome.refusal) return refusalText(outcome.refusal);
  return outcome.message ?? '';
}
