/** What the app is built from. Tests pass their own clock, mailer and database. */
import type { LookupCache } from './books/lookup-cache';
import type { CanonIndexPublisher } from './canon-index/published';
import type { Config } from './config';
import type { CanonDb, DatabaseKind } from './db/connect';
import type { Writer } from './db/write';
import type { Log } from './log';
import type { Mailer } from './mail/mailer';
import type { RateLimiter } from './security/rate-limit';

export type Clock = { now(): number };

export type Deps = {
  db: CanonDb;
  dbKind: DatabaseKind;
  /** Runs a read-modify-write as one transaction that cannot interleave (db/write.ts). */
  write: Writer;
  mailer: Mailer;
  clock: Clock;
  config: Config;
  log: Log;
  limiter: RateLimiter;
  lookupCache: LookupCache;
  /** The canon index as this process serves it (canon-index/). */
  canonIndex: CanonIndexPublisher;
};

export type AppEnv = { Variables: { clientIp: string } };
