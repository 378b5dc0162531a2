/**
 * The payload schema of every message, the single check each handler runs
 * before it reads anything. Anything a content script sends is treated as
 * written by an attacker: bounded sizes, strict objects, no URLs to follow.
 */
import * as v from 'valibot';
import {
  AddReviewLinkRequest,
  CreateCommentRequest,
  FlagCommentRequest,
  LIMITS,
  NominateRequest,
  RegisterIdentityRequest,
  SecondNominationRequest,
  SetRatingRequest,
  SetTagsRequest,
} from '../api';
import { isValidIsbn13 } from '../isbn';
import { SHOW_ON_CHOICES } from '../settings/appearance';

const MAX_ISBNS = 20;
const MAX_CHAPTERS = 1_000;
const MAX_SIGNALS = 30;
const SHORT_TEXT = 100;

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));

const PageChapter = v.strictObject({
  level: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)),
  label: v.optional(v.pipe(v.string(), v.maxLength(SHORT_TEXT))),
  title: v.pipe(v.string(), v.maxLength(LIMITS.bookTitleMax * 2)),
  page: v.optional(v.pipe(v.string(), v.maxLength(20))),
});

export const BookRefSchema = v.strictObject({
  isbn13: v.pipe(v.array(v.pipe(v.string(), v.check(isValidIsbn13, 'not an ISBN-13'))), v.maxLength(MAX_ISBNS)),
  title: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.bookTitleMax * 2))),
  authors: v.pipe(v.array(v.pipe(v.string(), v.maxLength(LIMITS.authorNameMax))), v.maxLength(LIMITS.authorsPerBook)),
  format: v.optional(v.picklist(['print', 'ebook', 'audio'])),
  asin: v.optional(v.pipe(v.string(), v.regex(/^[A-Z0-9]{10}$/))),
  site: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/)),
  signals: v.pipe(v.array(v.pipe(v.string(), v.maxLength(SHORT_TEXT))), v.maxLength(MAX_SIGNALS)),
  chapters: v.optional(v.pipe(v.array(PageChapter), v.maxLength(MAX_CHAPTERS))),
  // Accepted because detection reports it, but never followed: a content script
  // must not choose what the background fetches.
  recordLink: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.urlMax))),
});

export const NoPayload = v.undefined();
/** What a content script reports: the page's book, or `null` for a page that shows none. */
export const PageBookReport = v.nullable(BookRefSchema);
/** The content script's tab: the reader opened or collapsed its sidebar (the keyboard shortcut). */
export const SidebarOpenReport = v.strictObject({ open: v.boolean() });

// Writes: the canon request body plus where it goes. These are also the
// outbox's stored intents, re-checked when an export file is imported.
// `bookTitle` is never sent: it names the book in the outbox's list.
const BookTitle = v.optional(v.pipe(v.string(), v.maxLength(LIMITS.bookTitleMax * 2)));
export const CommentWrite = v.strictObject({ bookId: Id, bookTitle: BookTitle, ...CreateCommentRequest.entries });
export const RatingWrite = v.strictObject({ bookId: Id, bookTitle: BookTitle, ...SetRatingRequest.entries });
export const RemoveRatingWrite = v.strictObject({ bookId: Id, bookTitle: BookTitle });
export const TagsWrite = v.strictObject({ bookId: Id, bookTitle: BookTitle, ...SetTagsRequest.entries });
export const LinkWrite = v.strictObject({ bookId: Id, bookTitle: BookTitle, ...AddReviewLinkRequest.entries });
export const FlagWrite = v.strictObject({ bookId: Id, commentId: Id, ...FlagCommentRequest.entries });
/** The reader's own comment, as it should read now: its whole text and spoiler mark. */
export const EditCommentWrite = v.strictObject({
  bookId: Id,
  commentId: Id,
  bookTitle: BookTitle,
  body: CreateCommentRequest.entries.body,
  spoiler: v.boolean(),
});
export const DeleteCommentWrite = v.strictObject({ bookId: Id, commentId: Id, bookTitle: BookTitle });
export const NominationWrite = NominateRequest;
export const SecondWrite = v.strictObject({ nominationId: Id, ...SecondNominationRequest.entries });

export const WriteIntent = v.variant('kind', [
  v.strictObject({ kind: v.literal('comment'), ...CommentWrite.entries }),
  v.strictObject({ kind: v.literal('rating'), ...RatingWrite.entries }),
  v.strictObject({ kind: v.literal('removeRating'), ...RemoveRatingWrite.entries }),
  v.strictObject({ kind: v.literal('tags'), ...TagsWrite.entries }),
  v.strictObject({ kind: v.literal('link'), ...LinkWrite.entries }),
  v.strictObject({ kind: v.literal('flag'), ...FlagWrite.entries }),
  v.strictObject({ kind: v.literal('editComment'), ...EditCommentWrite.entries }),
  v.strictObject({ kind: v.literal('deleteComment'), ...DeleteCommentWrite.entries }),
  v.strictObject({ kind: v.literal('nomination'), ...NominationWrite.entries }),
  v.strictObject({ kind: v.literal('second'), ...SecondWrite.entries }),
]);
export type WriteIntent = v.InferOutput<typeof WriteIntent>;
export type WriteKind = WriteIntent['kind'];

/** A tab's book; without `tabId`, the tab the asking page is framed into. */
export const TabRequest = v.strictObject({
  tabId: v.optional(TabId),
  refresh: v.optional(v.boolean()),
  /** The in-page sidebar's first question: if its page is still being read, answer once it has been. */
  waitForDetection: v.optional(v.boolean()),
});
export const CommentsRequest = v.strictObject({
  bookId: Id,
  cursor: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(500)))),
  refresh: v.optional(v.boolean()),
});
export const IdentityRequest = v.optional(v.strictObject({ recheck: v.optional(v.boolean()) }));
export const RegisterRequest = RegisterIdentityRequest;
export const ServerAddressRequest = v.strictObject({
  url: v.nullable(
    v.pipe(
      v.string(),
      v.maxLength(LIMITS.urlMax),
      v.url(),
      v.check((s) => /^https?:\/\//i.test(s), 'Only http and https servers.'),
    ),
  ),
});
export const SettingsPatch = v.strictObject({
  sites: v.optional(
    v.pipe(
      v.record(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/)), v.boolean()),
      v.check((r) => Object.keys(r).length <= 200),
    ),
  ),
  anySite: v.optional(v.boolean()),
  sidebar: v.optional(
    v.strictObject({
      side: v.optional(v.picklist(['left', 'right'])),
      open: v.optional(v.boolean()),
      placement: v.optional(v.picklist(['page', 'browser'])),
    }),
  ),
  /** Open or collapsed as the reader just left it (the sidebar's own buttons); not "Sidebar at first". */
  sidebarOpen: v.optional(v.boolean()),
  showOn: v.optional(v.picklist(SHOW_ON_CHOICES)),
  theme: v.optional(v.picklist(['system', 'light', 'dark'])),
});
export const DraftRequest = v.strictObject({ bookId: Id });
/** An unsent comment, kept as the reader types. */
export const CommentDraft = v.strictObject({
  // Bounded by the longest comment the server accepts, with room for what the form will refuse.
  body: v.pipe(v.string(), v.maxLength(LIMITS.commentMax * 2)),
  spoiler: v.boolean(),
});
export const SaveDraftRequest = v.strictObject({ bookId: Id, draft: v.nullable(CommentDraft) });
export const OutboxRowRequest = v.strictObject({ id: Id });
export const OutboxRetryRequest = v.strictObject({ id: v.nullable(Id) });

export const ExportFile = v.strictObject({
  format: v.literal('bookside-export'),
  version: v.literal(1),
  exportedAt: v.string(),
  server: v.string(),
  identity: v.nullable(v.strictObject({ name: v.string(), email: v.string() })),
  settings: SettingsPatch,
  writes: v.pipe(
    v.array(v.strictObject({ id: v.pipe(v.string(), v.uuid()), createdAt: v.number(), intent: WriteIntent })),
    v.maxLength(10_000),
  ),
});

export type CommentDraft = v.InferOutput<typeof CommentDraft>;
export type SettingsPatch = v.InferOutput<typeof SettingsPatch>;
export type ExportFile = v.InferOutput<typeof ExportFile>;
