import { defineExtensionMessaging } from '@webext-core/messaging';
import type { BookRef } from '../book-ref';
import type { ExportFile, SettingsPatch } from './payloads';
import type { Result } from './result';
import type {
  BookView,
  CommentDraft,
  CommentsView,
  IdentityView,
  PendingWrite,
  PublicBookView,
  SettingsView,
} from './views';

/**
 * Every message between the extension's contexts, named from the caller's
 * side. Content scripts may send only the two marked "content script"; every
 * other message is refused unless it comes from an extension page (sidebar,
 * popup, options). Payload schemas: lib/shared/messages/payloads. Replies are
 * `Result` values, never thrown errors.
 */
export interface ProtocolMap {
  /** Content script: this tab shows one book (or, with `null`, none). */
  reportPageBook(book: BookRef | null): Result<null>;
  /** Content script: public canon data about the book this tab reported. */
  getPageBookView(): Result<PublicBookView | null>;

  /** Sidebar, popup: the book a tab shows, with canon status, chapters, my state and pending writes. */
  getTabBook(request: { tabId: number; refresh?: boolean }): Result<BookView | null>;
  /** Sidebar: one page of comments, newest first (the reader's own pending ones included). */
  getComments(request: { bookId: string; cursor?: string | null; refresh?: boolean }): Result<CommentsView>;

  // Writes go through the outbox; the reply is the stored, not yet sent, write.
  postComment(request: { bookId: string; body: string; spoiler?: boolean }): Result<PendingWrite>;
  setRating(request: { bookId: string; value: number }): Result<PendingWrite>;
  removeRating(request: { bookId: string }): Result<PendingWrite>;
  setTags(request: { bookId: string; tags: string[] }): Result<PendingWrite>;
  addReviewLink(request: { bookId: string; url: string; title: string }): Result<PendingWrite>;
  flagComment(request: {
    bookId: string;
    commentId: string;
    reason: 'spam' | 'offensive' | 'spoiler';
  }): Result<PendingWrite>;
  nominateBook(request: { isbn?: string; title: string; authors: string[]; reason: string }): Result<PendingWrite>;
  secondNomination(request: { nominationId: string; reason?: string }): Result<PendingWrite>;

  /** Options: register this browser's commenter identity; queued writes are sent at once. */
  registerIdentity(request: { name: string; email: string }): Result<IdentityView>;
  /** Options, sidebar: the identity on the current server, re-checked with the server when due or asked. */
  getIdentity(request?: { recheck?: boolean }): Result<IdentityView | null>;
  resendConfirmation(): Result<null>;
  /** Forgets the identity (name, e-mail, secret) in this browser. Queued writes stay, waiting for a new one. */
  forgetIdentity(): Result<null>;

  getSettings(): Result<SettingsView>;
  /**
   * Options: use another canon server (`null`: the built-in default). Fails
   * with `permission-required` until the options page has obtained the host
   * permission for it with `permissions.request` in a user gesture.
   */
  setServerAddress(request: { url: string | null }): Result<SettingsView>;
  /** Options, sidebar: site switches, "any site" (needs its optional host permission), sidebar side/state/placement, theme. */
  updateSettings(patch: SettingsPatch): Result<SettingsView>;

  /** Sidebar: the unsent comment for a book, kept across pages and restarts. */
  getDraft(request: { bookId: string }): Result<CommentDraft | null>;
  /** Sidebar: keeps the draft as the reader types; `null` forgets it. */
  saveDraft(request: { bookId: string; draft: CommentDraft | null }): Result<null>;

  listOutbox(): Result<PendingWrite[]>;
  /** Retry one write (by id) or all (`null`) now, failed ones included. */
  retryOutbox(request: { id: string | null }): Result<number>;
  discardOutbox(request: { id: string }): Result<null>;

  /** The reader's own data: identity name and e-mail, settings and unsent writes (never the secret). */
  exportData(): Result<ExportFile>;
  importData(file: ExportFile): Result<{ writes: number }>;
  clearCache(): Result<null>;
}

export type MessageName = keyof ProtocolMap;

export const messenger = defineExtensionMessaging<ProtocolMap>();
