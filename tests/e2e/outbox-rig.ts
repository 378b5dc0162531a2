/**
 * What the outbox reliability tests share: the real canon server on an
 * ephemeral port behind the misbehaving proxy on E2E_CANON_URL (where the
 * e2e build sends its writes), Chromium with the extension, an options page
 * to send messages from, and ways to read what the server really stored.
 */
import type { Page } from 'playwright-core';
import type { IdentityView, PendingWrite } from '../../lib/shared/messages/views';
import { startCanonServer, type CanonServerHandle } from '../server/harness';
import { launchWithExtension, type ExtensionBrowser, type LaunchOptions } from './browser';
import { E2E_CANON_URL } from './canon';
import { startCanonProxy, type CanonProxy, type RequestMatch } from './canon-proxy';
import { sendAsExtensionPage, valueOf } from './messages';

export interface OutboxRig {
  canon: CanonServerHandle;
  proxy: CanonProxy;
  browser: ExtensionBrowser;
  /** An options page: the extension page messages are sent from. */
  page: Page;
  /** Closes the browser (keeping its profile) and launches it again on the same profile. */
  restartBrowser(options?: { offline?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export async function startOutboxRig(launch: LaunchOptions = {}): Promise<OutboxRig> {
  const canon = await startCanonServer();
  const proxy = await startCanonProxy(E2E_CANON_URL, canon.url);
  const rig: OutboxRig = {
    canon,
    proxy,
    browser: await launchWithExtension(launch),
    page: null as unknown as Page,
    async restartBrowser(options = {}) {
      await rig.browser.close({ keepProfile: true });
      rig.browser = await launchWithExtension({ ...launch, ...options, userDataDir: rig.browser.userDataDir });
      rig.page = await rig.browser.openExtensionPage('options.html');
    },
    async close() {
      await rig.browser.close();
      await proxy.close();
      await canon.stop();
    },
  };
  rig.page = await rig.browser.openExtensionPage('options.html');
  return rig;
}

export async function registerReader(page: Page, name: string): Promise<IdentityView> {
  return valueOf(
    await sendAsExtensionPage(page, 'registerIdentity', { name, email: `${name.toLowerCase()}@example.org` }),
  );
}

export async function outboxRows(page: Page): Promise<PendingWrite[]> {
  return valueOf(await sendAsExtensionPage(page, 'listOutbox', undefined));
}

/** Canon book ids the server knows (seeded), to write to. */
export async function canonBookIds(canon: CanonServerHandle, count: number): Promise<string[]> {
  const rows = await canon.server.deps.db.selectFrom('books').select('id').orderBy('id').limit(count).execute();
  if (rows.length < count) throw new Error(`the canon has only ${rows.length} books`);
  return rows.map((row) => row.id);
}

export interface StoredComment {
  body: string;
  bookId: string;
  createdAt: number;
}

/** Every comment row written through the server (not the seeded historic ones), whatever its status, oldest first. */
export async function storedComments(canon: CanonServerHandle): Promise<StoredComment[]> {
  const rows = await canon.server.deps.db
    .selectFrom('comments')
    .select(['body', 'book_id', 'created_at'])
    // The comments carried over from the original canon site are seeded, not written by a test.
    .where('imported', '=', 0)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({ body: row.body, bookId: row.book_id, createdAt: Number(row.created_at) }));
}

/** The rating stored for `bookId` (one reader per test), in stars. */
export async function storedRating(canon: CanonServerHandle, bookId: string): Promise<number | null> {
  const row = await canon.server.deps.db
    .selectFrom('ratings')
    .select('half_stars')
    .where('book_id', '=', bookId)
    .executeTakeFirst();
  return row === undefined ? null : row.half_stars / 2;
}

/** The tags stored for `bookId` (one reader per test), sorted. */
export async function storedTags(canon: CanonServerHandle, bookId: string): Promise<string[]> {
  const rows = await canon.server.deps.db
    .selectFrom('tags')
    .select('tag')
    .where('book_id', '=', bookId)
    .orderBy('tag')
    .execute();
  return rows.map((row) => row.tag);
}

/** Bodies that occur more than once: each submission has a distinct body, so any is a duplicate. */
export function duplicated(bodies: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(bodies.filter((body) => seen.has(body) || !seen.add(body)))];
}

export const isCommentPost: RequestMatch = ({ method, path }) =>
  method === 'POST' && /\/books\/[^/]+\/comments$/.test(path);

/**
 * Polls `probe` until it returns something other than null or false. The
 * deadline only turns a hang into a readable failure; nothing is timed.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | false>,
  deadlineMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `promise`, or a readable failure if it has not settled by the deadline. */
export async function within<T>(promise: Promise<T>, what: string, deadlineMs = 60_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up waiting for ${what}`)), deadlineMs);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
