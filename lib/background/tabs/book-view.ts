/** Assembling what the sidebar, popup and content script are shown about a tab's book. */
import { matchKey } from '../../shared/api';
import { canonLookup } from '../canon/lookup';
import { myBookState, myNominationState } from '../canon/reader';
import { resolveChapters } from '../chapters/resolve';
import type { BookRef } from '../../shared/book-ref';
import { usableIdentity } from '../identity/record';
import type { BookView, PendingWrite, PublicBookView } from '../../shared/messages/views';
import type { OutboxRow } from '../database/schema';
import { listOutbox } from '../outbox/store';
import { badgeFor, showBadge } from './badge';
import type { BackgroundContext } from '../core/context';
import { mineWithPending } from './mine-with-pending';
import type { TabReport } from './tab-reports';

/**
 * The public view of a book. `looking`: the reader has it in front of them
 * (an opened sidebar, the popup), so Open Library may be asked for chapters
 * the canon lacks; a page view alone asks no one about a book the canon
 * does not know.
 */
export async function publicBookView(
  ctx: BackgroundContext,
  book: BookRef,
  refresh: boolean,
  looking: boolean,
): Promise<PublicBookView> {
  const canon = await canonLookup(ctx, book, refresh);
  const entry = canon?.answer.inCanon === true ? canon.answer.entry : null;
  const chapters = await resolveChapters(ctx, book, entry, looking);
  return { book, canon, chapters };
}

/** Looks the tab's book up and sets its badge; run when a content script reports. */
export async function refreshTabBadge(ctx: BackgroundContext, tabId: number, book: BookRef | null): Promise<void> {
  const canon = book === null ? null : await canonLookup(ctx, book);
  await showBadge(tabId, badgeFor(canon));
}

/** The tab's book as an extension page shows it, from the tab's `report` (tab-reports.ts). */
export async function tabBookView(
  ctx: BackgroundContext,
  tabId: number,
  report: TabReport | null,
  refresh: boolean,
  looking: boolean,
): Promise<BookView | null> {
  if (report === null || report.book === null) return null;
  // The identity and the outbox do not depend on the canon's answer: read alongside it.
  const [view, identity, outbox] = await Promise.all([
    publicBookView(ctx, report.book, refresh, looking),
    ctx.server().then((server) => usableIdentity(ctx.db, server)),
    listOutbox(ctx.db),
  ]);
  const entry = view.canon?.answer.inCanon === true ? view.canon.answer.entry : null;
  const keys = orderKeysOf(
    report.book,
    entry?.id ?? null,
    view.canon?.answer.inCanon === false ? (view.canon.answer.nomination?.id ?? null) : null,
  );
  const rows = outbox.filter((row) => keys.has(row.orderKey));
  const nomination = view.canon?.answer.inCanon === false ? view.canon.answer.nomination : null;
  const [mine, myNomination] = await Promise.all([
    entry === null ? null : myBookState(ctx, entry.id),
    nomination?.status === 'open' ? myNominationState(ctx, nomination.id) : null,
    showBadge(tabId, badgeFor(view.canon)),
  ]);
  return {
    ...view,
    tabId,
    url: report.url,
    // Outbox rows are in send order, so the latest pending write wins.
    mine: entry === null ? null : mineWithPending(mine, entry.id, rows),
    myNomination,
    pending: rows.map((row) => pendingView(row, identity !== null, entry?.title ?? report.book?.title ?? null)),
    identity: { registered: identity !== null, confirmed: identity?.confirmed ?? false },
  };
}

/** The outbox order keys that can belong to this book (lib/background/outbox/intent). */
function orderKeysOf(book: BookRef, bookId: string | null, nominationId: string | null): Set<string> {
  const keys = new Set(book.isbn13.map((isbn) => `nomination:${isbn}`));
  if (book.title !== undefined) keys.add(`nomination:${matchKey(book.title)}`);
  if (bookId !== null) keys.add(`book:${bookId}`);
  if (nominationId !== null) keys.add(`nomination:${nominationId}`);
  return keys;
}

/** A write as pages show it; `bookTitle` when the caller knows which book it is about. */
export function pendingView(row: OutboxRow, hasIdentity: boolean, bookTitle: string | null = null): PendingWrite {
  const state = row.state === 'failed' ? 'failed' : !hasIdentity ? 'waiting-for-identity' : row.state;
  return {
    id: row.id,
    intent: row.intent,
    createdAt: row.createdAt,
    attempts: row.attempts,
    state,
    nextAttemptAt: state === 'queued' ? row.notBefore : null,
    error: row.lastError,
    bookTitle: bookTitle ?? titleIn(row.intent),
  };
}

/** The title the page that made a write named, so the options page's outbox can say which book it is for. */
function titleIn(intent: OutboxRow['intent']): string | null {
  if (intent.kind === 'nomination') return intent.title;
  return 'bookTitle' in intent && intent.bookTitle !== undefined && intent.bookTitle !== '' ? intent.bookTitle : null;
}
