/**
 * Every expiry, timeout, bound and backoff step of the background worker, in
 * one place. Browsers stop the worker after ~30 s idle, so anything that must
 * outlive that is stored, and long waits ride on alarms, not timers.
 */
const SECOND_MS = 1_000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** How long each kind of cached answer counts as fresh; stale answers are still shown while a refresh runs. */
export const CACHE_FRESH_MS = {
  /** A canon entry changes when readers rate, tag and comment. */
  canonHit: 30 * MINUTE_MS,
  /** "Not in the canon" changes only when a nomination is accepted. */
  canonMiss: 6 * HOUR_MS,
  commentPage: 2 * MINUTE_MS,
  /** Open Library tables of contents almost never change. */
  chapters: 14 * DAY_MS,
  /** "No chapters known" is retried sooner: someone may add a contents list. */
  noChapters: 2 * DAY_MS,
} as const;

/** The canon index is synced this often (an alarm), and at a worker start when older. */
export const INDEX_SYNC_EVERY_MS = HOUR_MS;
/** A sync that failed is tried again at the next start or alarm, but not sooner than this. */
export const INDEX_SYNC_RETRY_MS = 5 * MINUTE_MS;
/** A prefix bucket is asked for again after this, or when the index version moves. */
export const INDEX_BUCKET_FRESH_MS = 6 * HOUR_MS;

/** Stale entries older than this are not shown at all. */
export const CACHE_MAX_AGE_MS = 60 * DAY_MS;

/** Approximate bytes (JSON length) the cache may hold before evicting least-recently-used entries. */
export const CACHE_MAX_BYTES = 8 * 1024 * 1024;
/** Eviction frees down to this share of the bound, so it does not run on every write. */
export const CACHE_EVICT_TO_RATIO = 0.75;
/** After a QuotaExceededError the cache is cut to this share of its size before the write is retried. */
export const CACHE_QUOTA_EVICT_RATIO = 0.5;

/** A canon request that takes longer is abandoned (Chrome kills the worker on fetches over 30 s). */
export const CANON_REQUEST_TIMEOUT_MS = 10 * SECOND_MS;
export const OPEN_LIBRARY_TIMEOUT_MS = 10 * SECOND_MS;

/** A row being sent is leased this long; a worker killed mid-send leaves the lease to expire. */
export const OUTBOX_LEASE_MS = 60 * SECOND_MS;
/** First retry delay; each further attempt doubles it up to the cap. */
export const OUTBOX_BACKOFF_BASE_MS = 15 * SECOND_MS;
export const OUTBOX_BACKOFF_CAP_MS = 15 * MINUTE_MS;
/** A server's Retry-After is honoured up to this long. */
export const OUTBOX_RETRY_AFTER_MAX_MS = DAY_MS;
/** Rows sent in one flush pass; more wait for the next pass. */
export const OUTBOX_FLUSH_BATCH = 20;
/** Passes in one flush, so a server that keeps answering cannot keep the worker busy for ever. */
export const OUTBOX_FLUSH_PASSES = 10;
/** Retries due sooner than this are run by a timer while the worker is alive; later ones by the alarm. */
export const OUTBOX_TIMER_MAX_MS = 25 * SECOND_MS;
/** Chrome runs alarms no more often than every 30 s. */
export const ALARM_MIN_DELAY_MS = 30 * SECOND_MS;

/** An unconfirmed identity's state is re-checked with the server at most this often. */
export const IDENTITY_RECHECK_MS = 30 * SECOND_MS;
