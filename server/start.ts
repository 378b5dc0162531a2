/**
 * Opens the database (migrating and seeding it under the start-up lock),
 * builds the app and listens. `npm run server`, the tests and the benchmark
 * all start the server here.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { buildApp } from './app';
import { LookupCache } from './books/lookup-cache';
import type { Config } from './config';
import { listenForChanges } from './db/change-feed';
import { openDatabase } from './db/connect';
import { startHousekeeping } from './db/housekeeping';
import { prepareDatabase } from './db/prepare';
import { startFlagDigests } from './moderation/digest';
import { readSeedBooks } from './db/seed';
import { createWriter } from './db/write';
import type { Clock, Deps } from './deps';
import { answerClientError } from './http/client-error';
import { NODE_MAX_HEADER_BYTES, SHUTDOWN_TIMEOUT_MS } from './limits';
import { consoleLog, lineLog, type Log } from './log';
import { fileMailer, smtpMailer, type Mailer } from './mail/mailer';
import { errorBody } from './security/errors';
import { RateLimiter } from './security/rate-limit';

export type RunningServer = { url: string; deps: Deps; stop(): Promise<void> };

export type StartOptions = {
  config: Config;
  clock?: Clock;
  mailer?: Mailer;
  /** A Log, or a sink for plain lines (tests pass `() => {}`). */
  log?: Log | ((line: string) => void);
};

/** How often Node looks for requests past their timeout; the timeouts are only as exact as this. */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  const log = typeof options.log === 'function' ? lineLog(options.log) : (options.log ?? consoleLog());
  const { db, kind } = openDatabase(config, log.info);
  try {
    const { seeded } = await prepareDatabase(db, { books: readSeedBooks(), now: clock.now() });
    if (seeded > 0) log.info(`seeded ${seeded} canon entries`);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  // This process's name in the change feed, so it does not drop its own answers twice.
  const origin = randomUUID();
  let lookupCache: LookupCache | null = null;
  const changes = await listenForChanges(db, {
    databaseUrl: config.databaseUrl,
    origin,
    onChange: (tags) => lookupCache?.invalidate(tags),
    log: log.info,
  });
  lookupCache = new LookupCache(
    () => clock.now(),
    () => changes.catchUp(),
  );
  const cache = lookupCache;
  const mailer =
    options.mailer ??
    (config.smtpUrl !== null
      ? smtpMailer(config.smtpUrl, config.mailFrom)
      : fileMailer(config.mailDir, config.mailFrom, log));
  const limiter = new RateLimiter(db, () => clock.now());
  limiter.start();
  const deps: Deps = {
    db,
    dbKind: kind,
    write: createWriter(db, { origin, onCommitted: (tags) => cache.invalidate(tags) }),
    mailer,
    clock,
    config,
    log,
    limiter,
    lookupCache: cache,
  };
  const housekeeping = startHousekeeping(db, () => clock.now(), log);
  const digests = startFlagDigests(deps);

  const listener = getRequestListener(buildApp(deps).fetch, {
    hostname: config.host,
    // A request Node parsed but the adapter cannot turn into a Request (e.g. an unusable Host header).
    errorHandler: () =>
      new Response(errorBody('bad_request', 'Malformed request.'), {
        status: 400,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
      }),
  });
  const server = createServer(
    {
      // A slow client cannot hold a connection: headers and body must both be in within the timeout.
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: config.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_INTERVAL_MS, config.requestTimeoutMs),
      maxHeaderSize: NODE_MAX_HEADER_BYTES,
    },
    listener,
  );
  server.on('clientError', (error, socket) => answerClientError(error, socket, log));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (error) {
    await stopServices();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  // Links in mails point at where the server really listens unless PUBLIC_URL says otherwise.
  if (config.port === 0) config.publicUrl = url;
  log.info(`listening on ${url} (${kind === 'sqlite' ? `SQLite ${config.sqlitePath}` : 'PostgreSQL'})`);

  async function stopServices(): Promise<void> {
    housekeeping.stop();
    digests.stop();
    await limiter.stop();
    await changes.stop();
    await db.destroy();
  }

  return {
    url,
    deps,
    async stop() {
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_TIMEOUT_MS);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      await limiter.flushReads().catch(() => undefined);
      await stopServices();
    },
  };
}
