/**
 * Every message between the extension's contexts, in two tables by sender:
 * what a content script may send, and what an extension page (sidebar,
 * popup, options) may send. Each entry is the message's payload schema (the
 * single check the background runs before a handler reads anything); the
 * typed maps below are derived from the tables and the reply types, so a
 * parameter type is never written twice and a content script cannot even
 * name a page message. Replies are `Result` values, never thrown errors.
 */
import type * as v from 'valibot';
import {
  CommentsRequest,
  CommentWrite,
  DeleteCommentWrite,
  DraftRequest,
  EditCommentWrite,
  ExportFile,
  FlagWrite,
  IdentityRequest,
  LinkWrite,
  NominationWrite,
  NoPayload,
  OutboxRetryRequest,
  OutboxRowRequest,
  PageBookReport,
  RatingWrite,
  RegisterRequest,
  RemoveRatingWrite,
  SaveDraftRequest,
  SecondWrite,
  ServerAddressRequest,
  SettingsPatch,
  SidebarOpenReport,
  TabRequest,
  TagsWrite,
  type CommentDraft,
} from './payloads';
import type { Result } from './result';
import type {
  BookView,
  CanonStanding,
  CommentsView,
  IdentityView,
  PendingWrite,
  PublicBookView,
  SettingsView,
} from './views';

/** Content script → background: about the book its own tab shows, nothing else. */
export const FROM_CONTENT_SCRIPT = {
  /** This tab shows one book (or, with `null`, none). */
  reportPageBook: PageBookReport,
  /** This tab's page is being read, its sidebar framed early: the last page's book is gone, this one's is coming. */
  reportPageDetecting: NoPayload,
  /** Public canon data about the book this tab reported. */
  getPageBookView: NoPayload,
  /** Load the check of an adapter's book into this frame: its adapter read a book. */
  loadBookCheck: NoPayload,
  /** Load the generic signals into this frame: its first look found no adapter's book, but they may find one. */
  loadCloserLook: NoPayload,
  /** Load the generic signals' page pass into this frame: its metadata does not name the book fully. */
  loadGenericPagePass: NoPayload,
  /** Quiet mode: whether the canon knows the book this tab reported (null: it reported none). */
  getPageBookStanding: NoPayload,
  /** The reader opened or collapsed the sidebar from this tab (the shortcut): remembered for every page. */
  rememberSidebarOpen: SidebarOpenReport,
  /** Load the library-platform adapters into this frame: one platform's test accepts the page (any-site script). */
  loadPlatformAdapters: NoPayload,
  /** Load the sidebar controls into this frame: its page agent found a book (where it cannot import them). */
  loadSidebarControls: NoPayload,
} satisfies Record<keyof ContentScriptReplies, v.GenericSchema>;

/** Extension page (sidebar, popup, options) → background. */
export const FROM_EXTENSION_PAGE = {
  /** The book a tab shows, with canon status, chapters, my state and pending writes. */
  getTabBook: TabRequest,
  /** One page of comments, newest first (the reader's own pending ones included). */
  getComments: CommentsRequest,

  // Writes go through the outbox; the reply is the stored, not yet sent, write.
  postComment: CommentWrite,
  setRating: RatingWrite,
  removeRating: RemoveRatingWrite,
  setTags: TagsWrite,
  addReviewLink: LinkWrite,
  flagComment: FlagWrite,
  /** The reader's own comment, edited or deleted: one written from this browser or another of theirs. */
  editComment: EditCommentWrite,
  deleteComment: DeleteCommentWrite,
  nominateBook: NominationWrite,
  secondNomination: SecondWrite,

  /** Register this browser's commenter identity; queued writes are sent at once. */
  registerIdentity: RegisterRequest,
  /** The identity on the current server, re-checked with the server when due or asked. */
  getIdentity: IdentityRequest,
  resendConfirmation: NoPayload,
  /** Forgets the identity (name, e-mail, secret) in this browser. Queued writes stay, waiting for a new one. */
  forgetIdentity: NoPayload,

  getSettings: NoPayload,
  /**
   * Use another canon server (`null`: the built-in default). Fails with
   * `permission-required` until the options page has obtained the host
   * permission for it with `permissions.request` in a user gesture.
   */
  setServerAddress: ServerAddressRequest,
  /** Site switches, "any site" (needs its optional host permission), sidebar side/state/placement, theme. */
  updateSettings: SettingsPatch,

  /** The unsent comment for a book, kept across pages and restarts. */
  getDraft: DraftRequest,
  /** Keeps the draft as the reader types; `null` forgets it. */
  saveDraft: SaveDraftRequest,

  listOutbox: NoPayload,
  /** Retry one write (by id) or all (`null`) now, failed ones included. */
  retryOutbox: OutboxRetryRequest,
  discardOutbox: OutboxRowRequest,

  /** The reader's own data: identity name and e-mail, settings and unsent writes (never the secret). */
  exportData: NoPayload,
  importData: ExportFile,
  clearCache: NoPayload,
  /** Opens the options page (a sidebar framed into a page cannot: Firefox gives it no such API). */
  openOptions: NoPayload,
} satisfies Record<keyof ExtensionPageReplies, v.GenericSchema>;

/**
 * Background → the content script of one tab (its top frame). Only the
 * extension can send these: a page cannot reach `runtime.onMessage`.
 */
export const TO_CONTENT_SCRIPT = {
  /** The reader pressed the toggle shortcut (`commands`) on this tab. */
  toggleSidebar: NoPayload,
} satisfies Record<keyof ContentScriptCommandReplies, v.GenericSchema>;

/** What each message answers with, when it succeeds (a failure is the `Result`'s error). */
interface ContentScriptReplies {
  reportPageBook: null;
  reportPageDetecting: null;
  getPageBookView: PublicBookView | null;
  loadBookCheck: null;
  loadCloserLook: null;
  loadGenericPagePass: null;
  getPageBookStanding: CanonStanding | null;
  rememberSidebarOpen: null;
  loadPlatformAdapters: null;
  loadSidebarControls: null;
}

interface ContentScriptCommandReplies {
  /** Whether this tab had a sidebar to open or collapse (false: no book here, or in the browser's panel). */
  toggleSidebar: boolean;
}

interface ExtensionPageReplies {
  getTabBook: BookView | null;
  getComments: CommentsView;
  postComment: PendingWrite;
  setRating: PendingWrite;
  removeRating: PendingWrite;
  setTags: PendingWrite;
  addReviewLink: PendingWrite;
  flagComment: PendingWrite;
  editComment: PendingWrite;
  deleteComment: PendingWrite;
  nominateBook: PendingWrite;
  secondNomination: PendingWrite;
  registerIdentity: IdentityView;
  getIdentity: IdentityView | null;
  resendConfirmation: null;
  forgetIdentity: null;
  getSettings: SettingsView;
  setServerAddress: SettingsView;
  updateSettings: SettingsView;
  getDraft: CommentDraft | null;
  saveDraft: null;
  listOutbox: PendingWrite[];
  retryOutbox: number;
  discardOutbox: null;
  exportData: ExportFile;
  importData: { writes: number };
  clearCache: null;
  openOptions: null;
}

/** The function-per-message map @webext-core/messaging types its channel with. */
type MapOf<T extends Record<string, v.GenericSchema>, R extends Record<keyof T, unknown>> = {
  [K in keyof T]: undefined extends v.InferInput<T[K]>
    ? (data?: v.InferInput<T[K]>) => Result<R[K]>
    : (data: v.InferInput<T[K]>) => Result<R[K]>;
};

export type ContentScriptMessages = MapOf<typeof FROM_CONTENT_SCRIPT, ContentScriptReplies>;
export type ExtensionPageMessages = MapOf<typeof FROM_EXTENSION_PAGE, ExtensionPageReplies>;
/** What the background may tell a content script; answered in the same envelope, never through the page. */
export type ContentScriptCommands = MapOf<typeof TO_CONTENT_SCRIPT, ContentScriptCommandReplies>;
/** Everything the background answers. */
export type ProtocolMap = ContentScriptMessages & ExtensionPageMessages;
export type MessageName = keyof ProtocolMap;

type Specs = typeof FROM_CONTENT_SCRIPT & typeof FROM_EXTENSION_PAGE;
/** What a handler receives once the payload schema has checked (and defaulted) it. */
export type PayloadOf<K extends MessageName> = v.InferOutput<Specs[K]>;
export type ReplyOf<K extends MessageName> = ReturnType<ProtocolMap[K]>;
