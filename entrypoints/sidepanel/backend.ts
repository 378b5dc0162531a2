/**
 * The sidebar's backend over the extension's messages. The same page runs
 * framed into a book page (`?in-page=1`) or in the browser's own side panel;
 * there it follows whichever tab is active.
 */
import { browser } from 'wxt/browser';
import type { SidebarBackend } from '../../components/backend';
import { toPendingWrite, toReaderIdentity, toSidebarBook } from '../../components/view-mapping';
import { watchChanges } from '../../lib/pages/change-watch';
import { loadIdentityForPage } from '../../lib/pages/identity';
import { callBackground } from '../../lib/pages/channel';
import { openOptionsPage } from '../../lib/pages/open-surfaces';
import { ok } from '../../lib/shared/messages/result';

export function isInPage(): boolean {
  return new URLSearchParams(location.search).has('in-page');
}

async function activeTabId(): Promise<number | null> {
  if (isInPage()) return (await browser.tabs.getCurrent())?.id ?? null;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export async function createSidebarBackend(): Promise<SidebarBackend> {
  let tabId = await activeTabId();
  // The book, the reader's own state and the pending writes all come from one
  // view; panels asking at the same moment share one request.
  let inFlight: ReturnType<typeof callBackground<'getTabBook'>> | null = null;
  const tabBook = async () => {
    if (tabId === null) return ok(null);
    inFlight ??= callBackground('getTabBook', { tabId }).finally(() => (inFlight = null));
    return inFlight;
  };

  return {
    async loadBook() {
      const view = await tabBook();
      return view.ok ? toSidebarBook(view.value) : view;
    },
    async loadComments(bookId, cursor) {
      const reply = await callBackground('getComments', { bookId, cursor });
      return reply.ok ? ok({ ...reply.value.page, stale: reply.value.stale }) : reply;
    },
    async loadMine() {
      const view = await tabBook();
      return view.ok ? ok(view.value?.mine ?? null) : view;
    },
    async loadIdentity() {
      const reply = await loadIdentityForPage();
      return reply.ok ? ok(toReaderIdentity(reply.value)) : reply;
    },
    async loadPending() {
      const view = await tabBook();
      return view.ok
        ? ok((view.value?.pending ?? []).map((write) => toPendingWrite(write, view.value?.book.title ?? null)))
        : view;
    },
    async loadLayout() {
      const reply = await callBackground('getSettings');
      if (!reply.ok) return reply;
      // In the browser's side panel the browser frames it: always open.
      const open = isInPage() ? reply.value.sidebar.open : true;
      return ok({ open, side: reply.value.sidebar.side, theme: reply.value.theme });
    },
    async saveLayout({ open, side }) {
      const reply = await callBackground('updateSettings', { sidebar: isInPage() ? { open, side } : { side } });
      return reply.ok ? ok(null) : reply;
    },
    loadDraft: (bookId) => callBackground('getDraft', { bookId }),
    saveDraft: (bookId, draft) => callBackground('saveDraft', { bookId, draft }),
    async postComment(bookId, draft) {
      const reply = await callBackground('postComment', { bookId, body: draft.body, spoiler: draft.spoiler });
      return reply.ok ? ok(toPendingWrite(reply.value)) : reply;
    },
    flagComment: (bookId, commentId, reason) => callBackground('flagComment', { bookId, commentId, reason }),
    setTags: (bookId, tags) => callBackground('setTags', { bookId, tags }),
    addLink: (bookId, url, title) => callBackground('addReviewLink', { bookId, url, title }),
    nominate: (book, reason) =>
      callBackground('nominateBook', {
        ...(book.isbn13[0] ? { isbn: book.isbn13[0] } : {}),
        title: book.title ?? '',
        authors: book.authors,
        reason,
      }),
    second: (nominationId) => callBackground('secondNomination', { nominationId }),
    resendConfirmation: () => callBackground('resendConfirmation'),
    retryWrite: (writeId) => callBackground('retryOutbox', { id: writeId }),
    openOptions: openOptionsPage,
    onChange(listener) {
      const stopWatching = watchChanges(listener, () => tabId);
      if (isInPage()) return stopWatching;
      // The browser's side panel stays open across tabs: follow the active one.
      const onActivated = ({ tabId: next }: { tabId: number }) => {
        tabId = next;
        listener('book');
        listener('mine');
        listener('outbox');
      };
      browser.tabs.onActivated.addListener(onActivated);
      return () => {
        stopWatching();
        browser.tabs.onActivated.removeListener(onActivated);
      };
    },
  };
}
