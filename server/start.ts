/**
 * Opens the database (migrating and seeding it), builds the app and listens.
 * `npm run server`, the tests and the benchmark all start the server here.
 */
import { createAdaptorServer } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { buildApp } from './app';
import { LookupCache } from './books/lookup-cache';
import type { Config } from './config';
import { migrateToLatest, openDatabase } from './db/connect';
import { readSeedBooks, seedIfEmpty } from './db/seed';
import type { Clock, Deps } from './deps';
import { SHUTDOWN_TIMEOUT_MS } from './limits';
import { fileMailer, smtpMailer, type Mailer } from './mail/mailer';
import { RateLimiter } from './security/rate-limit';

export type RunningServer = { url: string; deps: Deps; stop(): Promise<void> };

export type StartOptions = {
  config: Config;
  clock?: Clock;
  mailer?: Mailer;
  log?: (line: string) => void;
};

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  const log = options.log ?? ((line: string) => console.log(`[canon] ${line}`));
  const { db, kind } = openDatabase(config);
  await migrateToLatest(db);
  const seeded = await seedIfEmpty(db, readSeedBooks(), clock.now());
  if (seeded > 0) log(`seeded ${seeded} canon entries`);
  const mailer =
    options.mailer ??
    (config.smtpUrl !== null
      ? smtpMailer(config.smtpUrl, config.mailFrom)
      : fileMailer(config.mailDir, config.mailFrom, log));
  const deps: Deps = {
    db,
    dbKind: kind,
    mailer,
    clock,
    config,
    log,
    limiter: new RateLimiter(() => clock.now()),
    lookupCache: new LookupCache(() => clock.now()),
  };
  const server = createAdaptorServer({ fetch: buildApp(deps).fetch, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  // Links in mails point at where the server really listens unless PUBLIC_URL says otherwise.
  if (config.port === 0) config.publicUrl = url;
  log(`listening on ${url} (${kind === 'sqlite' ? `SQLite ${config.sqlitePath}` : 'PostgreSQL'})`);

  return {
    url,
    deps,
    async stop() {
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, SHUTDOWN_TIMEOUT_MS);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      await db.destroy();
    },
  };
}
