import type { PendingWrite } from '../../lib/shared/messages/views';
import { t } from '../i18n';
import { writeStateText, writeSummary } from '../shared/write-summary';
import type { ActionOutcome } from '../shared/outcome';

interface PendingListProps {
  writes: PendingWrite[];
  onRetry: (writeId: string) => Promise<ActionOutcome>;
}

/** The reader's own writes still in the outbox: waiting to be sent, or failed with a retry. */
export function PendingList({ writes, onRetry }: PendingListProps) {
  if (writes.length === 0) return null;
  return (
    <ul class="pending">
      {writes.map((write) => (
        <li key={write.id} class={`pending-${write.state}`}>
          <span dir="auto">{writeSummary(write)}</span>{' '}
          {write.state !== 'failed' ? (
            <span class="badge">{writeStateText(write.state)}</span>
          ) : (
            <>
              <span class="badge badge-failed">{t('outbox.failed')}</span>
              {write.error && <span class="muted"> {write.error}</span>}{' '}
              <button type="button" onClick={() => void onRetry(write.id)}>
                {t('outbox.retry')}
              </button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
