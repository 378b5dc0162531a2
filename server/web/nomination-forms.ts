/**
 * Nominating a book and seconding a nomination from /nominations: the same
 * writes as the API's (server/books/nomination-writes.ts), under the same
 * identity cookie and e-mail confirmation as the book page's form.
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import { NominateRequest, SecondNominationRequest } from '../../lib/shared/api';
import { normalizeIsbn } from '../../lib/shared/isbn';
import { nominateBook, secondNomination } from '../books/nomination-writes';
import type { AppEnv, Deps } from '../deps';
import { ApiError } from '../security/errors';
import { field, formVoice, limitedAsProblem, trustedForm, type FormProblem } from './participate';

const NOMINATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type NominationOutcome = { ok: true; nominationId: string } | { ok: false; problem: FormProblem };

/** A decided or vanished nomination, or a book already in the canon, becomes the form's problem. */
function conflictAsProblem(error: unknown, problem: FormProblem): NominationOutcome {
  if (error instanceof ApiError && (error.status === 409 || error.status === 404)) return { ok: false, problem };
  throw error;
}

export async function submitNominateForm(deps: Deps, c: Context<AppEnv>): Promise<NominationOutcome> {
  const form = await trustedForm(deps, c);
  if (form === null) return { ok: false, problem: 'csrf' };
  const isbn = field(form, 'isbn').trim();
  if (normalizeIsbn(isbn) === null) return { ok: false, problem: 'isbn' };
  const parsed = v.safeParse(NominateRequest, {
    isbn,
    title: field(form, 'title'),
    authors: [field(form, 'author')],
    reason: field(form, 'reason'),
  });
  if (!parsed.success) {
    const reasonWrong = parsed.issues.some((issue) => issue.path?.[0]?.key === 'reason');
    return { ok: false, problem: reasonWrong ? 'reason' : 'book' };
  }
  return limitedAsProblem(async (): Promise<NominationOutcome> => {
    const voice = await formVoice(deps, c, form);
    if (voice === null) return { ok: false, problem: 'who' };
    try {
      const { id } = await nominateBook(deps, voice.identityId, parsed.output);
      return { ok: true, nominationId: id };
    } catch (error) {
      return conflictAsProblem(error, 'incanon');
    }
  });
}

export async function submitSecondForm(deps: Deps, c: Context<AppEnv>): Promise<NominationOutcome> {
  const form = await trustedForm(deps, c);
  if (form === null) return { ok: false, problem: 'csrf' };
  const nominationId = field(form, 'nomination');
  if (!NOMINATION_ID.test(nominationId)) return { ok: false, problem: 'gone' };
  const reasonText = field(form, 'reason');
  const parsed = v.safeParse(SecondNominationRequest, reasonText.trim() === '' ? {} : { reason: reasonText });
  if (!parsed.success) return { ok: false, problem: 'reason' };
  return limitedAsProblem(async (): Promise<NominationOutcome> => {
    const voice = await formVoice(deps, c, form);
    if (voice === null) return { ok: false, problem: 'who' };
    try {
      await secondNomination(deps, voice.identityId, nominationId, parsed.output.reason ?? null);
      return { ok: true, nominationId };
    } catch (error) {
      return conflictAsProblem(error, 'gone');
    }
  });
}
