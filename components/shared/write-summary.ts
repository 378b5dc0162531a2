/** What the reader sees of a write waiting in the outbox: a line of its own words, and its state. */
import type { PendingWrite } from '../../lib/shared/messages/views';
import { formatRating, t } from '../i18n';

/** Characters of a comment or title shown in an outbox line. */
const SUMMARY_CHARS = 60;

export function writeSummary(write: PendingWrite): string {
  const { intent } = write;
  switch (intent.kind) {
    case 'comment':
      return t('outbox.summary.comment', [clip(intent.body)]);
    case 'rating':
      return t('outbox.summary.rating', [formatRating(intent.value)]);
    case 'removeRating':
      return t('outbox.summary.removeRating');
    case 'tags':
      return intent.tags.length === 0 ? t('outbox.summary.noTags') : t('outbox.summary.tags', [intent.tags.join(', ')]);
    case 'link':
      return t('outbox.summary.link', [clip(intent.title)]);
    case 'flag':
      return t('outbox.summary.flag', [intent.reason]);
    case 'editComment':
      return t('outbox.summary.editComment', [clip(intent.body)]);
    case 'deleteComment':
      return t('outbox.summary.deleteComment');
    case 'nomination':
      return t('outbox.summary.nomination', [clip(intent.title)]);
    case 'second':
      return t('outbox.summary.second');
  }
}

/** The short badge text for a write's state: queued and sending both read as waiting. */
export function writeStateText(state: PendingWrite['state']): string {
  switch (state) {
    case 'queued':
    case 'sending':
      return t('outbox.waiting');
    case 'waiting-for-identity':
      return t('outbox.waitingForIdentity');
    case 'failed':
      return t('outbox.failed');
  }
}

function clip(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= SUMMARY_CHARS ? chars.join('') : `${chars.slice(0, SUMMARY_CHARS - 1).join('')}…`;
}
