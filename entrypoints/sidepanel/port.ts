/**
 * The sidebar's port over the extension's messages. The same page runs
 * framed into a book page (`?in-page=1`) or in the browser's own side panel;
 * there it follows whichever tab is active. Framed into a page it uses no
 * API an extension page framed into a web page lacks in Firefox (`tabs`,
 * `storage.session`, `runtime.openOptionsPage`): the background knows which
 * tab the frame is in from each message's sender, and tells it in the view.
 */
import { browser } from 'wxt/browser';
import type { SidebarPort } from '../../components/ports';
import { watchChanges } from '../../lib/pages/change-watch';
import { callBackground } from '../../lib/pages/channel';
import { copyToClipboard } from '../../lib/pages/clipboard';
import { sendRating } from '../../lib/pages/rating-write';
import { loadReaderIdentity, registerReaderIdentity } from '../../lib/pages/identity';
import { openOptionsPage } from '../../lib/pages/open-surfaces';
import { ok } from '../../lib/shared/messages/result';

export function isInPage(): boolean {
  return new URLSearchParams(location.search).has('in-page');
}

async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export async function createSidebarPort(): Promise<SidebarPort> {
  const inPage = isInPage();
  // Framed: learnt from the first view (the background answers for the sender's tab).
  let tabId = inPage ? null : await activeTabId();
  // Framed early (lib/content/early-frame), this page may load before its page is read: the first
  // question waits for the page's report instead of hearing "no book" and then a change notice.
  let firstQuestion = true;
  return {
    async loadBook() {
      if (inPage) {
        const reply = await callBackground('getTabBook', firstQuestion ? { waitForDetection: true } : {});
        firstQuestion = false;
        if (reply.ok && reply.value !== null) tabId = reply.value.tabId;
        return reply;
      }
      return tabId === null ? ok(null) : callBackground('getTabBook', { tabId });
    },
    loadComments: (bookId, cursor) => callBackground('getComments', { bookId, cursor }),
    loadIdentity: loadReaderIdentity,
    register: registerReaderIdentity,
    loadSettings: () => callBackground('getSettings'),
    async saveLayout({ open, side }) {
      // Opening or collapsing is remembered apart from "Sidebar at first", which only the options page sets.
      // In the browser's side panel the browser opens and closes it: only the side is the reader's.
      const reply = await callBackground(
        'updateSettings',
        inPage ? { sidebarOpen: open, sidebar: { side } } : { sidebar: { side } },
      );
      return reply.ok ? ok(null) : reply;
    },
    loadDraft: (bookId) => callBackground('getDraft', { bookId }),
    saveDraft: (bookId, draft) => callBackground('saveDraft', { bookId, draft }),
    postComment: (bookId, draft, bookTitle) => callBackground('postComment', { bookId, bookTitle, ...draft }),
    flagComment: (bookId, commentId, reason) => callBackground('flagComment', { bookId, commentId, reason }),
    editComment: (bookId, commentId, draft, bookTitle) =>
      callBackground('editComment', { bookId, commentId, bookTitle, ...draft }),
    deleteComment: (bookId, commentId, bookTitle) => callBackground('deleteComment', { bookId, commentId, bookTitle }),
    copyText: copyToClipboard,
    setTags: (bookId, tags, bookTitle) => callBackground('setTags', { bookId, tags, bookTitle }),
    setRating: (bookId, value, bookTitle) => sendRating(bookId, value, bookTitle),
    addLink: (bookId, url, title, bookTitle) => callBackground('addReviewLink', { bookId, url, title, bookTitle }),
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
      // Framed, the tab is known from the first view with a book; until then every tab's notices reload it.
      const stopWatching = watchChanges(listener, () => (inPage ? (tabId ?? undefined) : tabId));
      if (inPage) return stopWatching;
      // The browser's side panel stays open across tabs: follow the active one.
      const onActivated = ({ tabId: next }: { tabId: number }) => {
        tabId = next;
        listener('book');
      };
      browser.tabs.onActivated.addListener(onActivated);
      return () => {
        stopWatching();
        browser.tabs.onActivated.removeListener(onActivated);
      };
    },
  };
}
