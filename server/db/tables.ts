/**
 * Row types of every table, as Kysely sees them. Times are milliseconds since
 * the epoch (BIGINT), booleans are 0/1 integers: the portable subset both
 * SQLite and PostgreSQL store the same way.
 */
import type { Generated } from 'kysely';

export type CommentStatus = 'waiting' | 'published' | 'held' | 'denied' | 'spam';
export type NominationStatus = 'open' | 'accepted' | 'declined';

export interface BooksTable {
  id: string;
  title: string;
  subtitle: string | null;
  /** JSON array of names, in credit order. */
  authors: string;
  publisher: string | null;
  year: number | null;
  /** Year, year-month or full date (PUBLISHED_PATTERN); its year is `year`. */
  published: string | null;
  /** Paragraphs separated by blank lines. */
  description: string | null;
  /** `matchKey(title)`, for editions found by title and author. */
  title_key: string;
  created_at: number;
}

export interface BookIsbnsTable {
  /** Every ISBN is stored as its ISBN-13, the one form lookups use. */
  isbn13: string;
  book_id: string;
  /** The ISBN-10 as catalogued, when the edition has one. */
  isbn10: string | null;
}

export interface ChaptersTable {
  book_id: string;
  position: number;
  title: string;
  source: 'canon';
}

/** A confirmed e-mail address: one reader, however many browsers they use. */
export interface PeopleTable {
  id: string;
  /** `canonicalEmail(email)`: the form addresses are compared in. */
  email_key: string;
  /** The address as last confirmed, for mail. */
  email: string;
  /** The name chosen at the latest confirmation; every comment of the person shows it. */
  name: string;
  created_at: number;
  updated_at: number;
}

/** One browser's credential (its own secret). Joined to a person when its mailed link is followed. */
export interface IdentitiesTable {
  id: string;
  name: string;
  email: string;
  /** `canonicalEmail(email)`. */
  email_canonical: string;
  /** SHA-256 of the secret; `revoked:<id>` once the browser forgot it, which no secret hashes to. */
  secret_hash: string;
  confirmed_at: number | null;
  person_id: string | null;
  revoked_at: number | null;
  created_at: number;
  /** The language the browser registered with (`LANGUAGES`); null for identities older than that, read as English. */
  language: string | null;
}

export interface ConfirmationTokensTable {
  token_hash: string;
  identity_id: string;
  email_canonical: string;
  expires_at: number;
  used_at: number | null;
  created_at: number;
}

export interface CommentsTable {
  id: string;
  book_id: string;
  identity_id: string;
  body: string;
  status: CommentStatus;
  spoiler: number;
  created_at: number;
  /** 1: carried over from the original canon site, by an author who never had an address here. */
  imported: Generated<number>;
}

/*
 * `owner_id` below is a person's id once the writing identity is joined to a
 * person, and the identity's own id while it waits (people/voice.ts): one row
 * per reader, and a row owned by a person is confirmed.
 */

export interface CommentFlagsTable {
  comment_id: string;
  owner_id: string;
  reason: 'spam' | 'offensive' | 'spoiler';
  created_at: number;
}

export interface RatingsTable {
  book_id: string;
  owner_id: string;
  /** Half stars, 1–10, so the value is an exact integer. */
  half_stars: number;
  updated_at: number;
}

export interface TagsTable {
  book_id: string;
  owner_id: string;
  tag: string;
  /** When the owner's set for this book was last replaced: of two sets merged, the later wins. */
  set_at: number;
}

export interface ReviewLinksTable {
  id: string;
  book_id: string;
  /** Null for links that came with the canon data. */
  identity_id: string | null;
  url: string;
  title: string;
  created_at: number;
  /** Set when a moderator hid the link; it is kept, but no longer shown. */
  hidden_at: number | null;
}

export interface NominationsTable {
  id: string;
  isbn13: string | null;
  title: string;
  title_key: string;
  authors: string;
  reason: string;
  identity_id: string;
  status: NominationStatus;
  book_id: string | null;
  created_at: number;
}

export interface NominationSupportersTable {
  nomination_id: string;
  owner_id: string;
  reason: string | null;
  created_at: number;
}

export interface IdempotencyKeysTable {
  identity_id: string;
  key: string;
  /** SHA-256 of method, path and body: a reused key with another request is refused. */
  fingerprint: string;
  status_code: number;
  response: string;
  created_at: number;
}

/** Fixed-window request counters shared by every process (security/rate-limit.ts). */
export interface RateWindowsTable {
  bucket: string;
  subject: string;
  count: number;
  resets_at: number;
}

/** SQLite only: which cached answers each write made stale, for the other processes (db/change-feed.ts). */
export interface ChangeLogTable {
  seq: Generated<number>;
  /** The process that wrote it, which has already dropped its own stale answers. */
  origin: string;
  /** JSON array of cache tags. */
  tags: string;
  created_at: number;
}

/** A one-time sign-in link to the moderator's desk, stored as the SHA-256 of its token. */
export interface ModeratorLinksTable {
  token_hash: string;
  /** `canonicalEmail` of the moderator it was mailed to. */
  email_key: string;
  expires_at: number;
  used_at: number | null;
  created_at: number;
}

/** A signed-in desk, stored as the SHA-256 of its cookie's secret. */
export interface ModeratorSessionsTable {
  session_hash: string;
  email_key: string;
  created_at: number;
  last_seen_at: number;
  /** Absolute end, however busy the session is. */
  expires_at: number;
}

/** Every moderation decision: who, when, what, on what. */
export interface ModerationLogTable {
  id: string;
  at: number;
  /** The moderator's address, or `admin-token` / `cli` for the script interfaces. */
  moderator: string;
  action: string;
  /** What was decided on, e.g. `comment:<id>`, `book:<id>`. */
  subject: string;
  /** A short human-readable note (the comment's opening, the entry's title). */
  detail: string;
}

/** Owners (a person's id, or an identity's while it waits) one of whose comments was marked spam. */
export interface BlockedWritersTable {
  owner_id: string;
  comment_id: string;
  blocked_by: string;
  blocked_at: number;
}

export interface HiddenTagsTable {
  book_id: string;
  tag: string;
  hidden_by: string;
  hidden_at: number;
}

/** One row (`flags`): when the last flag digest went out and up to which flag time it covered. */
export interface FlagDigestTable {
  id: string;
  sent_at: number;
  covered_until: number;
}

export interface Database {
  people: PeopleTable;
  books: BooksTable;
  book_isbns: BookIsbnsTable;
  chapters: ChaptersTable;
  identities: IdentitiesTable;
  confirmation_tokens: ConfirmationTokensTable;
  comments: CommentsTable;
  comment_flags: CommentFlagsTable;
  ratings: RatingsTable;
  tags: TagsTable;
  review_links: ReviewLinksTable;
  nominations: NominationsTable;
  nomination_supporters: NominationSupportersTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_windows: RateWindowsTable;
  change_log: ChangeLogTable;
  moderator_links: ModeratorLinksTable;
  moderator_sessions: ModeratorSessionsTable;
  moderation_log: ModerationLogTable;
  blocked_writers: BlockedWritersTable;
  hidden_tags: HiddenTagsTable;
  flag_digest: FlagDigestTable;
}
