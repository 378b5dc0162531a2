/**
 * How a process hears that another process's write made some of its cached
 * lookup answers stale. Writes name cache tags (books/cache-tags.ts); the
 * writer drops its own stale answers at commit and records the tags for the
 * others in the same transaction:
 * - PostgreSQL: `pg_notify` (delivered at commit) on one channel, heard by a
 *   dedicated LISTEN connection in every process;
 * - SQLite: a row in `change_log`, read by every process at most every
 *   CHANGE_POLL_MS, on the next lookup.
 * A listener that may have missed something (a dropped connection, trimmed
 * log rows) reports EVERYTHING, so the worst case is a cold cache, never a
 * stale one.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { CHANGE_LOG_KEEP_MS, CHANGE_POLL_MS } from '../limits';
import { databaseKind, type CanonDb } from './connect';

export const CHANGE_CHANNEL = 'canon_changes';
/** The tag meaning "anything may have changed". */
export const EVERYTHING = '*';
/** PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more. */
const NOTIFY_PAYLOAD_MAX = 7_500;
const POLL_BATCH = 500;
const RECONNECT_MAX_MS = 30_000;

type ChangeMessage = { origin: string; tags: string[] };

/** Inside the write transaction: tells the other processes which tags change when it commits. */
export async function recordChange(trx: CanonDb, origin: string, tags: string[]): Promise<void> {
  if (databaseKind(trx) === 'postgres') {
    let payload = JSON.stringify({ origin, tags } satisfies ChangeMessage);
    if (payload.length > NOTIFY_PAYLOAD_MAX) payload = JSON.stringify({ origin, tags: [EVERYTHING] });
    await sql`select pg_notify(${CHANGE_CHANNEL}, ${payload})`.execute(trx);
    return;
  }
  await trx
    .insertInto('change_log')
    .values({ origin, tags: JSON.stringify(tags), created_at: Date.now() })
    .execute();
}

export interface ChangeListener {
  /** Resolves once changes other processes committed up to about now are applied (SQLite polls; PostgreSQL pushes). */
  catchUp(): Promise<void> | undefined;
  stop(): Promise<void>;
}

export type ListenOptions = {
  databaseUrl: string | null;
  origin: string;
  onChange(tags: string[]): void;
  log(line: string): void;
};

export async function listenForChanges(db: CanonDb, options: ListenOptions): Promise<ChangeListener> {
  if (databaseKind(db) === 'postgres') {
    if (options.databaseUrl === null) throw new Error('listening on PostgreSQL needs its URL');
    const listener = new PostgresListener(options.databaseUrl, options);
    await listener.connect();
    return listener;
  }
  const poller = new SqlitePoller(db, options);
  await poller.init();
  return poller;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A tag list as written by recordChange; anything else counts as "everything changed". */
function tagList(value: unknown): string[] {
  return Array.isArray(value) && value.every((t) => typeof t === 'string') ? value : [EVERYTHING];
}

function parseMessage(text: string): ChangeMessage | null {
  const value = parseJson(text) as Partial<ChangeMessage> | null;
  if (value === null || typeof value.origin !== 'string') return null;
  return { origin: value.origin, tags: tagList(value.tags) };
}

class PostgresListener implements ChangeListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private retryMs = 500;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly options: ListenOptions,
  ) {}

  async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (message) => {
      const change = message.payload === undefined ? null : parseMessage(message.payload);
      if (change === null) this.options.onChange([EVERYTHING]);
      else if (change.origin !== this.options.origin) this.options.onChange(change.tags);
    });
    const lost = (why: string) => {
      if (this.client !== client || this.stopped) return;
      this.client = null;
      this.options.log(`change notifications interrupted (${why}); reconnecting`);
      client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection ended'));
    await client.connect();
    await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    this.client = client;
    this.retryMs = 500;
    // Whatever was written while nobody listened is unknown: start from a cold cache.
    this.options.onChange([EVERYTHING]);
  }

  private scheduleReconnect(): void {
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.stopped) return;
      this.connect().catch((error: unknown) => {
        this.options.log(`change notifications: reconnect failed: ${String(error)}`);
        this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
        this.scheduleReconnect();
      });
    }, this.retryMs);
    this.retryTimer.unref();
  }

  catchUp(): undefined {
    return undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

class SqlitePoller implements ChangeListener {
  private lastSeq = 0;
  private lastPollAt = Number.NEGATIVE_INFINITY;
  private polling: Promise<void> | null = null;

  constructor(
    private readonly db: CanonDb,
    private readonly options: ListenOptions,
  ) {}

  async init(): Promise<void> {
    const row = await this.db
      .selectFrom('change_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    this.lastSeq = Number(row?.seq ?? 0);
    this.lastPollAt = performance.now();
  }

  catchUp(): Promise<void> | undefined {
    if (this.polling !== null) return this.polling;
    if (performance.now() - this.lastPollAt < CHANGE_POLL_MS) return undefined;
    this.polling = this.poll().finally(() => {
      this.lastPollAt = performance.now();
      this.polling = null;
    });
    return this.polling;
  }

  private async poll(): Promise<void> {
    const tags = new Set<string>();
    for (;;) {
      const rows = await this.db
        .selectFrom('change_log')
        .select(['seq', 'origin', 'tags'])
        .where('seq', '>', this.lastSeq)
        .orderBy('seq')
        .limit(POLL_BATCH)
        .execute();
      // Sequence numbers have no holes (AUTOINCREMENT, one row per committed
      // write): a hole means trimmed rows this process never read.
      const first = rows[0];
      if (first !== undefined && first.seq !== this.lastSeq + 1) tags.add(EVERYTHING);
      for (const row of rows) {
        if (row.origin !== this.options.origin) for (const tag of tagList(parseJson(row.tags))) tags.add(tag);
        this.lastSeq = row.seq;
      }
      if (rows.length < POLL_BATCH) break;
    }
    if (tags.size > 0) this.options.onChange([...tags]);
  }

  async stop(): Promise<void> {
    await this.polling?.catch(() => undefined);
  }
}

/** Drops log rows every process has long read: a process that has not polled for this long has no fresh cache left. */
export async function trimChangeLog(db: CanonDb, now: number): Promise<void> {
  if (databaseKind(db) !== 'sqlite') return;
  await db
    .deleteFrom('change_log')
    .where('created_at', '<', now - CHANGE_LOG_KEEP_MS)
    .execute();
}
