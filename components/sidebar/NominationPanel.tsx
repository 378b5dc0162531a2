import { useState } from 'preact/hooks';
import { LIMITS } from '../../lib/shared/api/limits';
import type { NominationSummary } from '../../lib/shared/api/responses';
import { formatNumber, t } from '../i18n';
import { outcomeText } from '../shared/outcome';
import type { SidebarState } from './state';

/** For a book not in the canon: second an open nomination, or nominate it with a reason. */
export function NominationPanel({ state, nomination }: { state: SidebarState; nomination: NominationSummary | null }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState(false);

  async function nominate(event: Event) {
    event.preventDefault();
    const outcome = await state.nominate(reason);
    setError(outcomeText(outcome));
    setDone(outcome.ok);
  }

  async function second(id: string) {
    const outcome = await state.second(id);
    setError(outcomeText(outcome));
    setDone(outcome.ok);
  }

  return (
    <section class="panel" aria-labelledby="nomination-title">
      <h2 id="nomination-title">{t('nomination.title')}</h2>
      {done ? (
        <p role="status">
          {nomination?.status === 'open' ? t('sidebar.nomination.seconded') : t('sidebar.nomination.sent')}
        </p>
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
