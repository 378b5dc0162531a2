/**
 * What handlers and background services are given: storage, the network edge,
 * time, and the browser ports tests replace. Built once per worker start by
 * `createBackground`; nothing in it outlives the worker except what it stores.
 */
import type { FetchLike } from '../canon-client/http';
import type { BooksideDb } from '../database/schema';
import type { OutboxSender } from '../outbox/sender';

export interface PermissionsPort {
  contains(origins: string[]): Promise<boolean>;
}

export interface BackgroundContext {
  db: BooksideDb;
  fetch: FetchLike;
  now: () => number;
  random: () => number;
  /** The canon server's origin now in use (options may change it). */
  server: () => Promise<string>;
  outbox: OutboxSender;
  permissions: PermissionsPort;
  extensionId: string;
  /** `runtime.getURL('/')`: every extension page's URL starts with it. */
  extensionOrigin: string;
}
