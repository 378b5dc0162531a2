import type { PendingWrite } from '../backend';
import { t } from '../i18n';

/** The short badge text for a write's state in the outbox. */
export function pendingStateText(state: PendingWrite['state']): string {
  switch (state) {
    case 'waiting':
      return t('outbox.waiting');
    case 'waiting-for-identity':
      return t('outbox.waitingForIdentity');
    case 'failed':
      return t('outbox.failed');
  }
}
