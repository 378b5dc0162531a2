/**
 * Server-side limits, windows and timeouts in one place. Input-size limits
 * live in `lib/shared/api/limits` because the extension shares them.
 */
export const HOUR_MS = 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;

/** Confirmation links stay valid this long and work once. */
export const CONFIRMATION_TOKEN_TTL_MS = 48 * HOUR_MS;
/** Confirmation e-mails per canonical address in any rolling hour. */
export const CONFIRMATION_MAILS_PER_HOUR = 3;
/** Random bytes in identity secrets and confirmation tokens (256 bits). */
export const SECRET_BYTES = 32;

/** Stored idempotent answers are replayed for this long (published in OpenAPI). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * HOUR_MS;

/** Distinct confirmed flaggers (spam/offensive) that hide a comment pending review. */
export const FLAGS_TO_HIDE = 3;
/** Spoiler flags that fold a comment; folding only changes presentation. */
export const FLAGS_TO_FOLD = 1;

/** Lookup answers are cached in process; writes clear the cache, and the TTL bounds staleness between processes. */
export const LOOKUP_CACHE_TTL_MS = 5_000;
export const LOOKUP_CACHE_MAX_ENTRIES = 20_000;

/** Items in an Atom feed. */
export const FEED_ENTRIES = 50;

export const SHUTDOWN_TIMEOUT_MS = 5_000;
export const SMTP_TIMEOUT_MS = 10_000;

/**
 * Request budgets per fixed window. `perIp` applies to the socket address
 * (or the trusted proxy's client address); `perIdentity` to the bearer.
 */
export type RateLimitRule = { limit: number; windowMs: number };
export type RateLimits = {
  readsPerIp: RateLimitRule;
  writesPerIp: RateLimitRule;
  writesPerIdentity: RateLimitRule;
  commentsPerIdentity: RateLimitRule;
  registrationsPerIp: RateLimitRule;
};

export const DEFAULT_RATE_LIMITS: RateLimits = {
  readsPerIp: { limit: 1_200, windowMs: MINUTE_MS },
  writesPerIp: { limit: 120, windowMs: MINUTE_MS },
  writesPerIdentity: { limit: 60, windowMs: MINUTE_MS },
  commentsPerIdentity: { limit: 6, windowMs: MINUTE_MS },
  registrationsPerIp: { limit: 10, windowMs: HOUR_MS },
};

const NO_LIMIT: RateLimitRule = { limit: Number.MAX_SAFE_INTEGER, windowMs: MINUTE_MS };
/** For benchmarks and tests that must not meet a limit. */
export const UNLIMITED_RATE_LIMITS: RateLimits = {
  readsPerIp: NO_LIMIT,
  writesPerIp: NO_LIMIT,
  writesPerIdentity: NO_LIMIT,
  commentsPerIdentity: NO_LIMIT,
  registrationsPerIp: NO_LIMIT,
};
