/**
 * What each tab's content script reported, in `storage.session`: it outlives
 * the worker but not the browser, is kept in memory only, and content scripts
 * cannot read it. Key shape `tab:<id>` → `{url, book}`.
 */
import { browser } from 'wxt/browser';
import type { BookRef } from '../../shared/book-ref';

export interface TabReport {
  url: string;
  book: BookRef | null;
}

const keyOf = (tabId: number) => `tab:${tabId}`;

export async function saveTabReport(tabId: number, report: TabReport): Promise<void> {
  await browser.storage.session.set({ [keyOf(tabId)]: report });
}

export async function readTabReport(tabId: number): Promise<TabReport | null> {
  const stored = await browser.storage.session.get(keyOf(tabId));
  return (stored[keyOf(tabId)] as TabReport | undefined) ?? null;
}

export async function dropTabReport(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}
