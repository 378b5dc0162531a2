/**
 * Server-side limits, windows and timeouts in one place. Input-size limits
 * live in `lib/shared/api/limits` because the extension shares them.
 */
export const HOUR_MS = 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;

/** Confirmation links stay valid this long and work once. */
export const CONFIRMATION_TOKEN_TTL_MS = 48 * HOUR_MS;
/** Random bytes in identity secrets and confirmation tokens (256 bits). */
export const SECRET_BYTES = 32;

/** Stored idempotent answers are replayed for this long (published in OpenAPI). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * HOUR_MS;

/** Distinct confirmed flaggers (spam/offensive) that hide a comment pending review. */
export const FLAGS_TO_HIDE = 3;
/** Spoiler flags that fold a comment; folding only changes presentation. */
export const FLAGS_TO_FOLD = 1;

/**
 * Lookup answers are cached in each process and dropped per book when a
 * write (in any process) changes them; the TTL is only a safety net.
 */
export const LOOKUP_CACHE_TTL_MS = 60_000;
export const LOOKUP_CACHE_MAX_ENTRIES = 20_000;
/** SQLite: how often a process reads the change log of other processes' writes, at most. */
export const CHANGE_POLL_MS = 250;
/** SQLite: change-log rows are kept this long (far longer than LOOKUP_CACHE_TTL_MS). */
export const CHANGE_LOG_KEEP_MS = 10 * MINUTE_MS;
/** How often reads counted in memory are added to the shared rate-limit windows. */
export const READ_FLUSH_MS = 250;
/** How often expired rate windows, idempotency keys and change-log rows are removed. */
export const HOUSEKEEPING_INTERVAL_MS = MINUTE_MS;

/** Items in an Atom feed. */
export const FEED_ENTRIES = 50;

export const SHUTDOWN_TIMEOUT_MS = 5_000;
export const SMTP_TIMEOUT_MS = 10_000;

/** A request's headers and whole body must arrive within this; a slow client cannot hold a connection longer. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** All request headers together, checked by the app (JSON 431); Node's own parser limit is above it. */
export const REQUEST_HEADERS_MAX_BYTES = 8 * 1024;
export const NODE_MAX_HEADER_BYTES = 32 * 1024;

/**
 * Request budgets per fixed window, shared by every process on the database.
 * "Client" is the socket address (or, behind TRUST_PROXY_HOPS proxies, the
 * address the outermost one saw); "reader" is the person once an identity is
 * confirmed and the identity while it waits, so several browsers of one
 * person share one budget.
 */
export type RateLimitRule = { limit: number; windowMs: number };
export type RateLimits = {
  readsPerIp: RateLimitRule;
  writesPerIp: RateLimitRule;
  writesPerIdentity: RateLimitRule;
  commentsPerIdentity: RateLimitRule;
  registrationsPerIp: RateLimitRule;
  /** Confirmation mails to one address asked for by one client: a stranger only ever spends their own share. */
  mailsPerAddressPerClient: RateLimitRule;
  /** Confirmation mails to one address from all clients together: a mailbox cannot be flooded. */
  mailsPerAddress: RateLimitRule;
  /** Confirmation mails asked for by one client, to any addresses. */
  mailsPerClient: RateLimitRule;
};

export const DEFAULT_RATE_LIMITS: RateLimits = {
  readsPerIp: { limit: 1_200, windowMs: MINUTE_MS },
  writesPerIp: { limit: 120, windowMs: MINUTE_MS },
  writesPerIdentity: { limit: 60, windowMs: MINUTE_MS },
  commentsPerIdentity: { limit: 6, windowMs: MINUTE_MS },
  registrationsPerIp: { limit: 10, windowMs: HOUR_MS },
  mailsPerAddressPerClient: { limit: 3, windowMs: HOUR_MS },
  mailsPerAddress: { limit: 20, windowMs: HOUR_MS },
  mailsPerClient: { limit: 10, windowMs: HOUR_MS },
};

const NO_LIMIT: RateLimitRule = { limit: Number.MAX_SAFE_INTEGER, windowMs: MINUTE_MS };
/** For benchmarks and tests that must not meet a limit. */
export const UNLIMITED_RATE_LIMITS: RateLimits = {
  readsPerIp: NO_LIMIT,
  writesPerIp: NO_LIMIT,
  writesPerIdentity: NO_LIMIT,
  commentsPerIdentity: NO_LIMIT,
  registrationsPerIp: NO_LIMIT,
  mailsPerAddressPerClient: NO_LIMIT,
  mailsPerAddress: NO_LIMIT,
  mailsPerClient: NO_LIMIT,
};

/** A moderator's sign-in link works once, within this. */
export const MODERATOR_LINK_TTL_MS = 15 * MINUTE_MS;
/** A desk session ends after this long without a request… */
export const DESK_SESSION_IDLE_MS = 2 * HOUR_MS;
/** …and this long after sign-in, however busy. */
export const DESK_SESSION_MAX_MS = 12 * HOUR_MS;
/** Moderators hear of new flags at most this often. */
export const FLAG_DIGEST_INTERVAL_MS = HOUR_MS;
/** How often each process looks whether a digest is due (the claim in the database keeps it to one sender). */
export const FLAG_DIGEST_CHECK_MS = MINUTE_MS;
/** Rows on the moderation log page. */
export const MODERATION_LOG_PAGE = 200;
