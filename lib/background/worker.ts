/**
 * Building the background for one worker lifetime, and what runs at each
 * start. Browsers stop the worker when idle and at will, so a start must
 * rebuild everything from storage: release leases a killed worker left,
 * reload the canon snapshot if this build ships a new one, re-create the
 * retry alarm (alarms can vanish on browser restart) and flush the outbox.
 */
import { cacheDeletePrefix } from './cache/cache';
import { announceChange } from './core/announce';
import { cacheKeys } from './cache/keys';
import type { FetchLike } from './core/context';
import { loadCanonSnapshot } from './canon/snapshot';
import { openBooksideDb } from './database/schema';
import { createOutboxSender, type AlarmsPort } from './outbox/sender';
import { wakingOnAnswer } from './outbox/reachability';
import { releaseLeases } from './outbox/store';
import { canonNameOf } from '../shared/canon-snapshot';
import { canonNameItem, currentCanonServer } from '../shared/settings/items';
import type { BackgroundContext, InjectCloserLookPort, OpenOptionsPort, PermissionsPort } from './core/context';

export interface BackgroundPorts {
  fetch: FetchLike;
  permissions: PermissionsPort;
  openOptionsPage: OpenOptionsPort;
  injectCloserLook: InjectCloserLookPort;
  alarms: AlarmsPort;
  extensionId: string;
  extensionOrigin: string;
  uiLanguage: () => string;
  now?: () => number;
  random?: () => number;
}

export async function createBackground(ports: BackgroundPorts): Promise<BackgroundContext> {
  const db = await openBooksideDb();
  const now = ports.now ?? Date.now;
  const random = ports.random ?? Math.random;
  // Filled in below: the fetch that wakes unreachable writes flushes the sender that uses it.
  let flush = (): unknown => undefined;
  const fetch = wakingOnAnswer(ports.fetch, { db, now, server: currentCanonServer, flush: () => flush() });
  const outbox = createOutboxSender({
    db,
    fetch,
    now,
    random,
    server: currentCanonServer,
    alarms: ports.alarms,
    async onFlushed(report) {
      // Open sidebars and the options page show delivered and failed writes.
      if (report.delivered + report.failed > 0) {
        await announceChange(['outbox', 'book', 'mine', 'comments'], now()).catch(() => undefined);
      }
    },
    async onDelivered(row) {
      const server = await currentCanonServer();
      // The book's comment pages and its canon answer (rating summary, tags,
      // links, comment count, nomination) now miss this write. Canon answers
      // are keyed by ISBN, not by entry, so they all go: a delivery is rare,
      // and the next lookups refill them.
      await cacheDeletePrefix(db, cacheKeys.canonOfServer(server));
      if ('bookId' in row.intent) await cacheDeletePrefix(db, cacheKeys.commentsOfBook(server, row.intent.bookId));
    },
  });
  flush = () => outbox.flush();
  return {
    db,
    fetch,
    now,
    random,
    server: currentCanonServer,
    outbox,
    permissions: ports.permissions,
    openOptionsPage: ports.openOptionsPage,
    injectCloserLook: ports.injectCloserLook,
    extensionId: ports.extensionId,
    extensionOrigin: ports.extensionOrigin,
    uiLanguage: ports.uiLanguage,
  };
}

/** The snapshot file is a packaged asset (see wxt.config.ts); failures leave the loaded copy in place. */
export async function loadShippedSnapshot(ctx: BackgroundContext, snapshotUrl: string): Promise<boolean> {
  const response = await ctx.fetch(snapshotUrl);
  if (!response.ok) return false;
  const file: unknown = await response.json();
  const loaded = await loadCanonSnapshot(ctx.db, file);
  // Kept beside the settings so pages can name the canon; set on every start, so an update's new name shows.
  const name = canonNameOf(file);
  if (name !== null) await canonNameItem.setValue(name);
  return loaded;
}

export async function onWorkerStart(ctx: BackgroundContext, snapshotUrl: string): Promise<void> {
  await releaseLeases(ctx.db);
  await loadShippedSnapshot(ctx, snapshotUrl).catch((error: unknown) =>
    console.error('Bookside: canon snapshot not loaded', error),
  );
  await ctx.outbox.reschedule();
  await ctx.outbox.flush();
}
