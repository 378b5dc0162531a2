import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTBOX_BACKOFF_CAP_MS, OUTBOX_LEASE_MS } from '../../lib/background/core/limits';
import { openBooksideDb, type BooksideDb } from '../../lib/background/database/schema';
import { saveIdentity } from '../../lib/background/identity/record';
import { createOutboxSender, type OutboxSender } from '../../lib/background/outbox/sender';
import { enqueue, listOutbox, releaseLeases } from '../../lib/background/outbox/store';
import type { RatingValue } from '../../lib/shared/api/limits';
import { FakeCanonWrites, type Fault } from './support/fake-canon-writes';

const SERVER = 'http://127.0.0.1:8787';
const BOOKS = ['we-think', 'sabriel'];

interface Written {
  id: string;
  orderKey: string;
  poison: boolean;
  /** Ratings only: a newer rating of the same book may replace this one while it is unsent. */
  rating?: string;
}

interface Real {
  db: BooksideDb;
  canon: FakeCanonWrites;
  clock: { now: number };
  worker: OutboxSender;
  alarms: Map<string, number>;
  written: Written[];
  hasIdentity: boolean;
  /** Bumped at every worker start; see startWorker. */
  generation: number;
}

interface Model {
  writes: number;
}

function startWorker(real: Real): OutboxSender {
  // A killed worker's other requests die with it: their answers never reach
  // any code (a stopped worker runs nothing), though the server may have
  // committed them.
  const generation = ++real.generation;
  return createOutboxSender({
    db: real.db,
    fetch: async (input, init) => {
      const response = await real.canon.fetch(input, init);
      return real.generation === generation ? response : new Promise<Response>(() => {});
    },
    now: () => real.clock.now,
    random: Math.random,
    server: async () => SERVER,
    alarms: {
      create: (name, { when }) => void real.alarms.set(name, when),
      clear: async (name) => real.alarms.delete(name),
    },
    setTimer: () => () => {},
  });
}

/** Runs a flush; when a request hangs, the worker is "killed" and a new one starts, as the browser would. */
async function flushOrKill(real: Real): Promise<void> {
  const hung = real.canon.hung().then(() => 'hung' as const);
  const outcome = await Promise.race([real.worker.flush().then(() => 'done' as const), hung]);
  if (outcome === 'hung') await restart(real);
  else await checkAlarm(real);
}

async function restart(real: Real): Promise<void> {
  real.worker = startWorker(real);
  await releaseLeases(real.db);
  await real.worker.reschedule();
  await checkAlarm(real);
}

/** The retry alarm exists whenever unfinished rows could be sent. */
async function checkAlarm(real: Real): Promise<void> {
  const unfinished = (await listOutbox(real.db)).filter((r) => r.state !== 'failed');
  if (real.hasIdentity && unfinished.length > 0) expect(real.alarms.size).toBe(1);
}

async function registerIdentity(real: Real) {
  await saveIdentity(real.db, {
    server: SERVER,
    id: 'identity-1',
    secret: 'secret-secret-secret',
    name: 'Ada',
    email: 'ada@example.org',
    confirmed: false,
    confirmedAt: null,
    registeredAt: real.clock.now,
    checkedAt: real.clock.now,
    rejected: false,
  });
  real.hasIdentity = true;
}

class Enqueue implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly book: number,
    readonly poison: boolean,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const bookId = BOOKS[this.book] ?? 'we-think';
    const body = this.poison ? `POISON ${model.writes}` : `comment ${model.writes}`;
    const row = await enqueue(real.db, { intent: { kind: 'comment', bookId, body, spoiler: false } }, real.clock.now);
    model.writes++;
    real.written.push({ id: row.id, orderKey: row.orderKey, poison: this.poison });
    await flushOrKill(real); // a new write triggers a flush
  }
  toString = () => `enqueue(${this.book}${this.poison ? ', poison' : ''})`;
}

/** A rating: a newer one for the same book may replace it in the outbox while it is not in flight. */
class EnqueueRating implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly book: number,
    readonly value: RatingValue,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const bookId = BOOKS[this.book] ?? 'we-think';
    const row = await enqueue(real.db, { intent: { kind: 'rating', bookId, value: this.value } }, real.clock.now);
    model.writes++;
    real.written.push({ id: row.id, orderKey: row.orderKey, poison: false, rating: bookId });
    await flushOrKill(real);
  }
  toString = () => `rate(${this.book}, ${this.value})`;
}

class Flush implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  run = (_: Model, real: Real) => flushOrKill(real);
  toString = () => 'flush';
}

class Fail implements fc.AsyncCommand<Model, Real> {
  constructor(readonly fault: Fault) {}
  check = () => true;
  async run(_: Model, real: Real) {
    real.canon.faults.push(this.fault);
  }
  toString = () => `fault(${JSON.stringify(this.fault)})`;
}

class Network implements fc.AsyncCommand<Model, Real> {
  constructor(readonly up: boolean) {}
  check = () => true;
  async run(_: Model, real: Real) {
    real.canon.networkDown = !this.up;
    if (this.up) await flushOrKill(real); // the "online" event
  }
  toString = () => (this.up ? 'online' : 'offline');
}

class Advance implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ms: number) {}
  check = () => true;
  async run(_: Model, real: Real) {
    real.clock.now += this.ms;
    const alarm = real.alarms.get('bookside-outbox-retry');
    if (alarm !== undefined && alarm <= real.clock.now) await flushOrKill(real);
  }
  toString = () => `advance(${this.ms})`;
}

class Restart implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(_: Model, real: Real) {
    await restart(real);
    await flushOrKill(real); // worker start flushes
  }
  toString = () => 'restart';
}

class Register implements fc.AsyncCommand<Model, Real> {
  check = (_: Readonly<Model>) => true;
  async run(_: Model, real: Real) {
    if (!real.hasIdentity) await registerIdentity(real);
    await flushOrKill(real);
  }
  toString = () => 'register';
}

const enqueueCommand = fc
  .tuple(fc.nat(BOOKS.length - 1), fc.nat(9))
  .map(([book, roll]) => new Enqueue(book, roll === 0));

const rateCommand = fc
  .tuple(fc.nat(BOOKS.length - 1), fc.integer({ min: 1, max: 10 }))
  .map(([book, halves]) => new EnqueueRating(book, (halves / 2) as RatingValue));

const commands = [
  // Listed three times: writes are the commonest event.
  enqueueCommand,
  enqueueCommand,
  enqueueCommand,
  rateCommand,
  rateCommand,
  fc.constant(new Flush()),
  fc.constant(new Fail({ kind: '5xx' })),
  fc.constant(new Fail({ kind: 'down' })),
  fc.integer({ min: 1, max: 3_600 }).map((s) => new Fail({ kind: '429', retryAfterS: s })),
  fc.constant(new Fail({ kind: 'lost' })),
  fc.boolean().map((committed) => new Fail({ kind: 'hang', committed })),
  fc.boolean().map((up) => new Network(up)),
  fc.integer({ min: 1_000, max: 2 * OUTBOX_LEASE_MS }).map((ms) => new Advance(ms)),
  fc.constant(new Restart()),
  fc.constant(new Register()),
];

describe('outbox model', () => {
  it('delivers every write exactly once, in order per book, or shows it failed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 60 }), fc.boolean(), async (cmds, identityAtStart) => {
        globalThis.indexedDB = new IDBFactory();
        const db = await openBooksideDb();
        const real: Real = {
          db,
          canon: new FakeCanonWrites(),
          clock: { now: 1_700_000_000_000 },
          alarms: new Map(),
          written: [],
          hasIdentity: false,
          generation: 0,
          worker: undefined as unknown as OutboxSender,
        };
        real.worker = startWorker(real);
        if (identityAtStart) await registerIdentity(real);
        await fc.asyncModelRun(() => ({ model: { writes: 0 }, real }), cmds);

        // Nothing was sent before this browser had an identity.
        expect(real.canon.anonymous).toBe(0);
        // Heal everything; the queue must drain.
        real.canon.networkDown = false;
        real.canon.faults = [];
        if (!real.hasIdentity) await registerIdentity(real);
        await restart(real);
        for (let i = 0; i < 30 && (await listOutbox(db)).some((r) => r.state !== 'failed'); i++) {
          real.clock.now += Math.max(OUTBOX_BACKOFF_CAP_MS, 3_600_000);
          await flushOrKill(real);
        }
        const left = await listOutbox(db);
        expect(left.every((r) => r.state === 'failed')).toBe(true);
        expect(real.alarms.size).toBe(0);

        const replaced = new Set<string>();
        for (const [i, w] of real.written.entries()) {
          const commits = real.canon.commits.filter((c) => c.key === w.id).length;
          // The only writes allowed to vanish: a rating replaced, while unsent,
          // by a newer rating of the same book; the newest of each book arrives.
          const newer = real.written
            .slice(i + 1)
            .some((later) => later.rating !== undefined && later.rating === w.rating);
          if (w.rating !== undefined && newer && commits === 0) {
            expect(left.some((r) => r.id === w.id)).toBe(false);
            replaced.add(w.id);
            continue;
          }
          // The server commits each write once. The client may hear "done"
          // twice: a worker killed after the answer arrived but before the
          // row was settled leaves the row for the next worker, whose retry
          // the server answers from its stored reply without a second commit.
          if (w.poison) {
            expect(commits).toBe(0);
            expect(left.find((r) => r.id === w.id)?.lastError).toBe('refused');
          } else {
            expect(commits).toBe(1);
            expect(left.some((r) => r.id === w.id)).toBe(false);
          }
        }
        // Per book, the server saw the writes in the order they were made.
        for (const book of BOOKS) {
          const made = real.written
            .filter((w) => !w.poison && !replaced.has(w.id) && w.orderKey === `book:${book}`)
            .map((w) => w.id);
          const seen = real.canon.commits.filter((c) => made.includes(c.key)).map((c) => c.key);
          expect(seen).toEqual(made);
        }
        db.close();
      }),
      { numRuns: 200 },
    );
  }, 300_000);
});
