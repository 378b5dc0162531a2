import { useState } from 'preact/hooks';
import { LIMITS } from '../../lib/shared/api/limits';
import type { NominationSummary } from '../../lib/shared/api/responses';
import { formatNumber, t } from '../i18n';
import { outcomeText } from '../shared/outcome';
import type { AnsweredBook } from '../ports';
import type { SidebarState } from './state';

type MyPart = 'nominated' | 'supporting' | null;

/**
 * The reader's own part in the nomination: what the server says (as a
 * person, from any browser), or a nomination or second still in the outbox.
 */
function myPart(view: AnsweredBook, nomination: NominationSummary | null): MyPart {
  const kinds = new Set(view.pending.map((w) => w.intent.kind));
  if (kinds.has('nomination') || (nomination !== null && view.myNomination?.nominated)) return 'nominated';
  if (kinds.has('second') || (nomination !== null && view.myNomination?.supporting)) return 'supporting';
  return null;
}

/**
 * For a book not in the canon: nominate it with a reason, or second an open
 * nomination — never one's own, and never twice.
 */
export function NominationPanel({
  state,
  view,
  nomination,
}: {
  state: SidebarState;
  view: AnsweredBook;
  nomination: NominationSummary | null;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState<MyPart>(null);
  const part = done ?? myPart(view, nomination);

  async function nominate(event: Event) {
    event.preventDefault();
    const outcome = await state.nominate(reason);
    setError(outcomeText(outcome));
    if (outcome.ok) setDone('nominated');
  }

  async function second(id: string) {
    const outcome = await state.second(id);
    setError(outcomeText(outcome));
    if (outcome.ok) setDone('supporting');
  }

  return (
    <section class="panel" aria-labelledby="nomination-title">
      <h2 id="nomination-title">{t('nomination.title')}</h2>
      {part !== null ? (
        <>
          <p role="status">
            {part === 'nominated' ? t('sidebar.nomination.mine') : t('sidebar.nomination.supporting')}
          </p>
          {nomination?.status === 'open' && (
            <p class="muted">{t('nomination.open', nomination.supporters, [formatNumber(nomination.supporters)])}</p>
          )}
        </>
      ) : nomination?.status === 'open' ? (
        <>
          <p>{t('nomination.open', nomination.supporters, [formatNumber(nomination.supporters)])}</p>
          {nomination.reason && <blockquote dir="auto">{nomination.reason}</blockquote>}
          <button type="button" onClick={() => void second(nomination.id)}>
            {t('nomination.second')}
          </button>
        </>
      ) : (
        <form noValidate onSubmit={(e) => void nominate(e)}>
          {nomination?.status === 'declined' && <p class="muted">{t('nomination.declinedBefore')}</p>}
          <label for="nomination-reason">{t('nomination.reason')}</label>
          <textarea
            id="nomination-reason"
            rows={3}
            maxLength={LIMITS.nominationReasonMax}
            value={reason}
            aria-invalid={error !== ''}
            aria-describedby={error ? 'nomination-error' : undefined}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          <p id="nomination-names-book" class="muted">
            {t('nomination.namesBook')}
          </p>
          <button type="submit" aria-describedby="nomination-names-book">
            {t('nomination.submit')}
          </button>
        </form>
      )}
      {error && (
        <p id="nomination-error" class="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
