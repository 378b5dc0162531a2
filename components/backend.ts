/**
 * What each surface needs from the outside world. The sidebar, popup and
 * options components never message the background themselves: their state
 * modules take one of these interfaces, the entry points implement it over
 * lib/messages, and tests pass fakes.
 *
 * Every call answers with a `Result`; a failed call carries a stable `code`.
 * Codes the UI tells apart: `offline` (no network — show the offline state),
 * `no-identity` (a write needs a commenter identity first); anything else is
 * shown as a general error with the message's text.
 */
import type { FlagReason } from '../lib/shared/api/limits';
import type { ChangeTopic } from '../lib/shared/messages/change-feed';
import type { CommentPage, IdentityState, LookupAnswer, MyBookState } from '../lib/shared/api/responses';
import type { BookRef, Chapter } from '../lib/shared/book-ref';
import type { Result } from '../lib/shared/messages/result';
import type { WriteKind } from '../lib/shared/messages/payloads';

export const OFFLINE = 'offline';
export const NO_IDENTITY = 'no-identity';

/** Where a chapter list came from: the canon, the page's own record, or Open Library. */
export type ChapterSource = 'canon' | 'page' | 'openlibrary';

export interface ChapterList {
  source: ChapterSource;
  chapters: Chapter[];
}

/** Everything known about the book on the current tab. */
export interface SidebarBook {
  /** What the page itself says. */
  ref: BookRef;
  /** The canon's answer: the entry, or not in the canon with any nomination. */
  lookup: LookupAnswer;
  /** The best chapter list found, or null when there is none. */
  chapters: ChapterList | null;
  /** True when this came from the cache because the server could not be reached. */
  stale: boolean;
}

/** A write waiting in the outbox, as the reader sees it. */
export interface PendingWrite {
  id: string;
  kind: WriteKind;
  /** What the reader wrote ("★ 4", "tags: essays", the comment's first words). */
  summary: string;
  /**
   * "waiting": will be sent (or is being sent); "waiting-for-identity": held
   * until a commenter identity is registered; "failed": refused by the server,
   * kept until the reader retries or discards it.
   */
  state: 'waiting' | 'waiting-for-identity' | 'failed';
  lastError: string | null;
  /** Epoch milliseconds. */
  createdAt: number;
  /** The book it is about, for the options page's outbox list; null for writes not about a book. */
  bookTitle: string | null;
}

/** The commenter identity kept on this browser. The e-mail address never leaves extension pages. */
export interface ReaderIdentity extends Pick<IdentityState, 'name' | 'confirmed'> {
  email: string;
}

export type Theme = 'system' | 'light' | 'dark';
export type SidebarSide = 'left' | 'right';

/** How the sidebar looks and where it sits; remembered between pages. */
export interface SidebarLayout {
  open: boolean;
  side: SidebarSide;
  theme: Theme;
}

export interface CommentDraft {
  body: string;
  spoiler: boolean;
}

/** Which part of a surface to load again after the background says something changed. */
export type { ChangeTopic } from '../lib/shared/messages/change-feed';
export type ChangeListener = (topic: ChangeTopic) => void;
/** Stops listening. */
export type Unsubscribe = () => void;

export interface SidebarBackend {
  /** The book on this tab; null when the tab shows none. */
  loadBook(): Promise<Result<SidebarBook | null>>;
  /** Newest first, the reader's own waiting ones included; `cursor` null for the first page. */
  loadComments(bookId: string, cursor: string | null): Promise<Result<CommentPage & { stale: boolean }>>;
  /** This reader's own rating and tags for the book; null before any. */
  loadMine(): Promise<Result<MyBookState | null>>;
  loadIdentity(): Promise<Result<ReaderIdentity | null>>;
  /** The outbox's writes about this book. */
  loadPending(): Promise<Result<PendingWrite[]>>;
  loadLayout(): Promise<Result<SidebarLayout>>;
  saveLayout(layout: Pick<SidebarLayout, 'open' | 'side'>): Promise<Result<null>>;
  /** The unsent comment for a book, kept across page loads. */
  loadDraft(bookId: string): Promise<Result<CommentDraft | null>>;
  /** `null` forgets the draft (after it is queued). */
  saveDraft(bookId: string, draft: CommentDraft | null): Promise<Result<null>>;
  /** Queues the comment; answers with the outbox entry. */
  postComment(bookId: string, draft: CommentDraft): Promise<Result<PendingWrite>>;
  flagComment(bookId: string, commentId: string, reason: FlagReason): Promise<Result<unknown>>;
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

/** The current tab's book with this reader's part in it. */
export interface PopupBook {
  ref: BookRef;
  lookup: LookupAnswer;
  mine: MyBookState | null;
  stale: boolean;
}

export interface PopupBackend {
  loadBook(): Promise<Result<PopupBook | null>>;
  loadIdentity(): Promise<Result<ReaderIdentity | null>>;
  loadTheme(): Promise<Result<Theme>>;
  /** `null` removes the rating. */
  setRating(bookId: string, value: number | null): Promise<Result<unknown>>;
  setTags(bookId: string, tags: string[]): Promise<Result<unknown>>;
  openSidebar(): Promise<Result<null>>;
  openOptions(): Promise<Result<null>>;
  onChange(listener: ChangeListener): Unsubscribe;
}

export interface SiteSwitch {
  id: string;
  /** Human name ("Barnes & Noble"). */
  name: string;
  enabled: boolean;
}

export interface ReaderSettings {
  serverUrl: string;
  /** Bookside on every site, through the optional host permission. */
  anySite: boolean;
  sidebarSide: SidebarSide;
  sidebarStartsOpen: boolean;
  /** In the page beside the book, or in the browser's own side panel. */
  sidebarPlace: 'page' | 'browser';
  theme: Theme;
}

export interface OptionsBackend {
  loadIdentity(): Promise<Result<ReaderIdentity | null>>;
  register(name: string, email: string): Promise<Result<ReaderIdentity>>;
  resendConfirmation(): Promise<Result<null>>;
  /** Forgets the identity on this browser; queued writes by it are kept until one is registered again. */
  forgetIdentity(): Promise<Result<null>>;
  loadSettings(): Promise<Result<ReaderSettings>>;
  saveSettings(change: Partial<ReaderSettings>): Promise<Result<ReaderSettings>>;
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
  /** The reader's own data (identity name, ratings, tags, comments, drafts) as JSON text. */
  exportData(): Promise<Result<string>>;
  /** Takes JSON text from exportData; answers how many items were imported. Refuses bad files without changing anything. */
  importData(json: string): Promise<Result<{ imported: number }>>;
  clearCache(): Promise<Result<null>>;
  onChange(listener: ChangeListener): Unsubscribe;
}
