/**
 * What each tab's content script reported, in `storage.session`: it outlives
 * the worker but not the browser, is kept in memory only, and content scripts
 * cannot read it. Key shape `tab:<id>` → `{url, book}`.
 *
 * A page whose sidebar was framed before it was parsed (lib/content/
 * early-frame) first reports that it is `detecting`. The sidebar in that
 * frame may ask for the tab's book before detection is done; it is answered
 * once the page reports (`whenDetected`), with the report handed over in
 * memory, not with "no book" first.
 */
import { browser } from 'wxt/browser';
import type { BookRef } from '../../shared/book-ref';

export interface TabReport {
  url: string;
  book: BookRef | null;
  /** The page is being read: its book (or none) is yet to come. */
  detecting?: true;
}

const keyOf = (tabId: number) => `tab:${tabId}`;

/** Who waits for each tab's detection to end, given the report that ends it. */
const waiting = new Map<number, Set<(report: TabReport | null) => void>>();

export async function saveTabReport(tabId: number, report: TabReport): Promise<void> {
  // Handed to those waiting before it is stored: they need not read it back.
  if (!report.detecting) settle(tabId, report);
  await browser.storage.session.set({ [keyOf(tabId)]: report });
}

export async function readTabReport(tabId: number): Promise<TabReport | null> {
  const stored = await browser.storage.session.get(keyOf(tabId));
  return (stored[keyOf(tabId)] as TabReport | undefined) ?? null;
}

export async function dropTabReport(tabId: number): Promise<void> {
  settle(tabId, null);
  await browser.storage.session.remove(keyOf(tabId));
}

/**
 * The tab's report, once it is no longer `detecting`: at once if it is not,
 * else when the page reports (or the tab closes), or after `timeoutMs` with
 * whatever the tab has then (a page agent that never reports must not keep
 * its sidebar waiting for good).
 */
export function whenDetected(tabId: number, timeoutMs: number): Promise<TabReport | null> {
  return new Promise((resolve) => {
    let finished = false;
    const done = (report: TabReport | null) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      waiting.get(tabId)?.delete(done);
      resolve(report);
    };
    // Waiting before reading: a report landing meanwhile is not missed.
    const waiters = waiting.get(tabId) ?? new Set();
    waiters.add(done);
    waiting.set(tabId, waiters);
    const timer = setTimeout(() => void readTabReport(tabId).then(done, () => done(null)), timeoutMs);
    void readTabReport(tabId).then(
      (report) => void (report?.detecting ? undefined : done(report)),
      () => done(null),
    );
  });
}

function settle(tabId: number, report: TabReport | null): void {
  const waiters = waiting.get(tabId);
  waiting.delete(tabId);
  for (const done of waiters ?? []) done(report);
}
