/**
 * What handlers and background services are given: storage, the network edge,
 * time, and the browser ports tests replace. Built once per worker start by
 * `createBackground`; nothing in it outlives the worker except what it stores.
 */
import type { BooksideDb } from '../database/schema';

/** `fetch` as the background uses it; tests pass the real server's or a fake. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface PermissionsPort {
  contains(origins: string[]): Promise<boolean>;
}

/** Opening the options page; only the background can do it for a sidebar framed into a page (Firefox). */
export type OpenOptionsPort = () => Promise<void>;

/** Injecting the generic signals' script (`content-scripts/closer-look.js`) into one frame of a tab. */
export type InjectCloserLookPort = (tabId: number, frameId: number) => Promise<void>;

/** The outbox's sender as services see it: they ask for a flush after a change. */
export interface OutboxPort {
  flush(): Promise<unknown>;
  /** Sets (or clears) the retry alarm from what the outbox holds; run at every worker start. */
  reschedule(): Promise<void>;
}

export interface BackgroundContext {
  db: BooksideDb;
  fetch: FetchLike;
  now: () => number;
  random: () => number;
  /** The canon server's origin now in use (options may change it). */
  server: () => Promise<string>;
  outbox: OutboxPort;
  permissions: PermissionsPort;
  openOptionsPage: OpenOptionsPort;
  injectCloserLook: InjectCloserLookPort;
  extensionId: string;
  /** `runtime.getURL('/')`: every extension page's URL starts with it. */
  extensionOrigin: string;
  /** `i18n.getUILanguage()`: a registration carries it, so the confirmation mail speaks the reader's language. */
  uiLanguage: () => string;
}
