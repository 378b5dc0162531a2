import { formatDateTime, t } from '../i18n';
import { PanelFrame } from '../shared/PanelFrame';
import { writeStateText, writeSummary } from '../shared/write-summary';
import type { OptionsState } from './state';
import type { PendingWrite } from '../../lib/shared/messages/views';

/**
 * "Retry now" helps a failed write and one waiting out its backoff; one
 * waiting for an identity goes once an identity is set, and one being sent
 * is already on its way.
 */
function retryHelps(write: PendingWrite): boolean {
  return write.state === 'failed' || write.state === 'queued';
}

/** Writes not yet accepted by the server: waiting ones, and failed ones to retry or discard. */
export function OutboxSection({ state }: { state: OptionsState }) {
  return (
    <PanelFrame
      id="outbox"
      title={t('outbox.title')}
      load={state.outbox.value}
      isEmpty={(writes) => writes.length === 0}
      emptyText={t('outbox.empty')}
      onRetry={() => void state.reload.outbox()}
    >
      {(writes) => (
        <ul class="pending">
          {writes.map((write) => (
            <li key={write.id} class={`pending-${write.state}`}>
              <p>
                <span dir="auto">{writeSummary(write)}</span>
                {write.bookTitle && (
                  <>
                    {' · '}
                    <bdi>{write.bookTitle}</bdi>
                  </>
                )}
              </p>
              <p class="muted">
                <time dateTime={new Date(write.createdAt).toISOString()}>{formatDateTime(write.createdAt)}</time>{' '}
                <span class={`badge ${write.state === 'failed' ? 'badge-failed' : ''}`}>
                  {writeStateText(write.state)}
                </span>
                {write.error && <span> {write.error}</span>}
              </p>
              <div class="row">
                {retryHelps(write) && (
                  <button
                    type="button"
                    aria-label={t('outbox.retryItem', [writeSummary(write)])}
                    onClick={() => void state.retryWrite(write.id)}
                  >
                    {t('outbox.retry')}
                  </button>
                )}
                <button
                  type="button"
                  aria-label={t('outbox.discardItem', [writeSummary(write)])}
                  onClick={() => void state.discardWrite(write.id)}
                >
                  {t('outbox.discard')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </PanelFrame>
  );
}
