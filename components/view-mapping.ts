/**
 * From what the background answers (lib/shared/messages/views) to what the surfaces
 * show (./backend). Pure, so the entry points stay wiring and the mapping is
 * tested on its own.
 */
import type { BookView, IdentityView, PendingWrite as QueuedWrite, PublicBookView } from '../lib/shared/messages/views';
import { fail, ok, type Result } from '../lib/shared/messages/result';
import { OFFLINE, type PendingWrite, type PopupBook, type ReaderIdentity, type SidebarBook } from './backend';
import { formatRating, t } from './i18n';

/** Characters of a comment shown in an outbox line. */
const SUMMARY_CHARS = 60;

/** A book the canon could not be asked about (no server and not in the shipped snapshot) is an offline state. */
export function toSidebarBook(view: PublicBookView | null): Result<SidebarBook | null> {
  if (view === null) return ok(null);
  if (view.canon === null) return fail(OFFLINE, t('state.offline'));
  const { source, chapters } = view.chapters;
  return ok({
    ref: view.book,
    lookup: view.canon.answer,
    chapters: source === null ? null : { source, chapters },
    stale: view.canon.stale || view.canon.origin === 'snapshot',
  });
}

export function toPopupBook(view: BookView | null): Result<PopupBook | null> {
  const book = toSidebarBook(view);
  if (!book.ok || book.value === null || view === null) return book as Result<null>;
  return ok({ ref: book.value.ref, lookup: book.value.lookup, mine: view.mine, stale: book.value.stale });
}

export function toReaderIdentity(view: IdentityView | null): ReaderIdentity | null {
  return view === null || view.rejected ? null : { name: view.name, email: view.email, confirmed: view.confirmed };
}

export function toPendingWrite(write: QueuedWrite, bookTitle: string | null = null): PendingWrite {
  return {
    id: write.id,
    kind: write.intent.kind,
    summary: summarize(write.intent),
    state: write.state === 'failed' || write.state === 'waiting-for-identity' ? write.state : 'waiting',
    lastError: write.error,
    createdAt: write.createdAt,
    bookTitle,
  };
}

function summarize(intent: QueuedWrite['intent']): string {
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
    case 'nomination':
      return t('outbox.summary.nomination', [clip(intent.title)]);
    case 'second':
      return t('outbox.summary.second');
  }
}

function clip(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= SUMMARY_CHARS ? chars.join('') : `${chars.slice(0, SUMMARY_CHARS - 1).join('')}…`;
}
