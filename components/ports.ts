/**
 * What each surface needs from the outside world. The sidebar, popup and
 * options components never message the background themselves: their state
 * modules take one of these ports, the entry points implement them over
 * lib/pages/channel, and tests pass fakes. The values are the background's
 * own views (lib/shared/messages/views); nothing here declares them again.
 *
 * Every call answers with a `Result`; a failed call carries a stable `code`.
 * Codes the UI tells apart: `offline` (no network — show the offline state),
 * `no-identity` (a write needs a commenter identity first); anything else is
 * shown as a general error with the message's text.
 */
import type { FlagReason, RatingValue } from '../lib/shared/api/limits';
import type { BookRef } from '../lib/shared/book-ref';
import type { ChangeTopic } from '../lib/shared/messages/change-feed';
import type { CommentDraft, SettingsPatch } from '../lib/shared/messages/payloads';
import type { Result } from '../lib/shared/messages/result';
import type { BookView, CanonStatus, CommentsView, PendingWrite, SettingsView } from '../lib/shared/messages/views';
import type { SidebarLayout } from '../lib/shared/settings/appearance';
import type { ReaderIdentity } from '../lib/pages/identity';

export const OFFLINE = 'offline';
export const NO_IDENTITY = 'no-identity';

/** A tab's book that the canon (the server or the shipped snapshot) could answer about. */
export type AnsweredBook = BookView & { canon: CanonStatus };

export type { ReaderIdentity } from '../lib/pages/identity';

export type ChangeListener = (topic: ChangeTopic) => void;
/** Stops listening. */
export type Unsubscribe = () => void;

export interface SidebarPort {
  /** The book on this tab with canon status, chapters, my state and my pending writes, in one answer. */
  loadBook(): Promise<Result<BookView | null>>;
  /** Newest first, the reader's own waiting ones included; `cursor` null for the first page. */
  loadComments(bookId: string, cursor: string | null): Promise<Result<CommentsView>>;
  loadIdentity(): Promise<Result<ReaderIdentity | null>>;
  /** Where the sidebar sits and the theme. */
  loadSettings(): Promise<Result<SettingsView>>;
  saveLayout(layout: Pick<SidebarLayout, 'open' | 'side'>): Promise<Result<null>>;
  /** The unsent comment for a book, kept across page loads. */
  loadDraft(bookId: string): Promise<Result<CommentDraft | null>>;
  /** `null` forgets the draft (after it is queued). */
  saveDraft(bookId: string, draft: CommentDraft | null): Promise<Result<null>>;
  /** Queues the comment; answers with the outbox entry. */
  postComment(bookId: string, draft: CommentDraft): Promise<Result<PendingWrite>>;
  flagComment(bookId: string, commentId: string, reason: FlagReason): Promise<Result<unknown>>;
  /** Puts text on the clipboard (a comment's link). */
  copyText(text: string): Promise<Result<null>>;
  /** The reader's complete tag list for the book (replaces the previous one). */
  setTags(bookId: string, tags: string[]): Promise<Result<unknown>>;
  addLink(bookId: string, url: string, title: string): Promise<Result<unknown>>;
  /** Nominates the page's book (ISBN, title, authors from `book`). */
  nominate(book: BookRef, reason: string): Promise<Result<unknown>>;
  second(nominationId: string): Promise<Result<unknown>>;
  resendConfirmation(): Promise<Result<null>>;
  retryWrite(writeId: string): Promise<Result<unknown>>;
  openOptions(): Promise<Result<null>>;
  onChange(listener: ChangeListener): Unsubscribe;
}

export interface PopupPort {
  loadBook(): Promise<Result<BookView | null>>;
  loadIdentity(): Promise<Result<ReaderIdentity | null>>;
  loadSettings(): Promise<Result<SettingsView>>;
  /** `null` removes the rating. */
  setRating(bookId: string, value: RatingValue | null): Promise<Result<unknown>>;
  setTags(bookId: string, tags: string[]): Promise<Result<unknown>>;
  openSidebar(): Promise<Result<null>>;
  openOptions(): Promise<Result<null>>;
  onChange(listener: ChangeListener): Unsubscribe;
}

/** One supported site and whether the reader keeps Bookside on there. */
export interface SiteSwitch {
  id: string;
  /** Human name ("Barnes & Noble"). */
  name: string;
  enabled: boolean;
}

export interface OptionsPort {
  loadIdentity(): Promise<Result<ReaderIdentity | null>>;
  register(name: string, email: string): Promise<Result<ReaderIdentity>>;
  resendConfirmation(): Promise<Result<null>>;
  /** Forgets the identity on this browser; queued writes by it are kept until one is registered again. */
  forgetIdentity(): Promise<Result<null>>;
  loadSettings(): Promise<Result<SettingsView>>;
  saveSettings(patch: SettingsPatch): Promise<Result<SettingsView>>;
  /** Another canon server (its host permission already granted), or `null` for the built-in one. */
  setServerAddress(url: string | null): Promise<Result<SettingsView>>;
  /**
   * Asks the browser for a host permission (must run inside the click that
   * asked for it); answers whether it was granted.
   */
  requestHostPermission(pattern: string): Promise<Result<boolean>>;
  /** Turns "any site" on (asking for the optional permission) or off (giving it back). */
  setAnySite(enabled: boolean): Promise<Result<boolean>>;
  loadSites(): Promise<Result<SiteSwitch[]>>;
  setSiteEnabled(siteId: string, enabled: boolean): Promise<Result<null>>;
  loadOutbox(): Promise<Result<PendingWrite[]>>;
  retryWrite(writeId: string): Promise<Result<null>>;
  discardWrite(writeId: string): Promise<Result<null>>;
  /** The reader's own data (identity name, settings, unsent writes) as JSON text. */
  exportData(): Promise<Result<string>>;
  /** Takes JSON text from exportData; answers how many writes were imported. Refuses bad files whole. */
  importData(json: string): Promise<Result<{ imported: number }>>;
  clearCache(): Promise<Result<null>>;
  onChange(listener: ChangeListener): Unsubscribe;
}
