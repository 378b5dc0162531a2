/**
 * Bringing the extension's canon index up to date in a test that changed
 * the canon behind the server's back (books inserted straight into its
 * database). The background decides "known / not known" from its local
 * index (lib/background/canon-index), so a book the index has not heard of
 * is "not in the canon" however the server would answer: a test must let
 * the index catch up before it visits such a book, as a reader's browser
 * would at its next scheduled sync.
 */
import type { Worker } from 'playwright-core';
import * as v from 'valibot';
import { CanonIndexAnswer } from '../../lib/shared/api';
import { INDEX_ALARM } from '../../lib/background/canon-index/schedule';
import { refreshCanonIndex } from '../../server/canon-index/versions';
import type { CanonServerHandle } from '../server/harness';

/** Publishes the server's index again after direct inserts, as the server's own writes do. */
export async function republishCanonIndex(canon: CanonServerHandle): Promise<number> {
  await canon.server.deps.write(({ trx }) => refreshCanonIndex(trx, Date.now()));
  const answer = v.parse(CanonIndexAnswer, await (await fetch(`${canon.api}/canon-index`)).json());
  return answer.header.version;
}

/**
 * Waits until the background holds the server's current index version, firing its sync alarm now (the path
 * a scheduled sync takes) rather than waiting for the schedule.
 */
export async function untilIndexCurrent(worker: Worker, canon: CanonServerHandle, timeoutMs = 60_000): Promise<void> {
  const version = await republishCanonIndex(canon);
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    const held = await worker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('bookside');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
      });
      try {
        const text = await new Promise<unknown>((resolve, reject) => {
          const get = db.transaction('meta').objectStore('meta').get('canonIndexState');
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => reject(get.error ?? new Error('meta read failed'));
        });
        return typeof text === 'string'
          ? ((JSON.parse(text) as { header?: { version?: number } }).header?.version ?? null)
          : null;
      } finally {
        db.close();
      }
    });
    if (held === version) return;
    // Every few polls, ask again: a sync that ran before the last insert stays behind until the next one.
    if (attempt % 10 === 0) {
      await worker.evaluate((name) => chrome.alarms.create(name, { when: Date.now() }), INDEX_ALARM);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the extension's canon index did not reach version ${version} within ${timeoutMs} ms`);
}
