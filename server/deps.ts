/** What the app is built from. Tests pass their own clock, mailer and database. */
import type { Config } from './config';
import type { LookupCache } from './books/lookup-cache';
import type { CanonDb, DatabaseKind } from './db/connect';
import type { Mailer } from './mail/mailer';
import type { RateLimiter } from './security/rate-limit';

export type Clock = { now(): number };

export type Deps = {
  db: CanonDb;
  dbKind: DatabaseKind;
  mailer: Mailer;
  clock: Clock;
  config: Config;
  log: (line: string) => void;
  limiter: RateLimiter;
  lookupCache: LookupCache;
};

export type AppEnv = { Variables: { clientIp: string } };
