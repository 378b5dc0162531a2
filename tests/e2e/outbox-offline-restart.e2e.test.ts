/**
 * Writes made while the canon server is unreachable survive a browser
 * restart: they are still queued in the restarted profile, the retry alarm
 * is back (re-created by the worker's start, not left over), and once the
 * network returns the alarm wakes the stopped worker and every write still
 * queued arrives once, in the order made per book. A newer rating or tag set
 * for a book replaces the older one waiting unsent (one pending rating and one
 * pending tag set per book), so the replaced ones never reach the server;
 * comments are never replaced.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATING_VALUES } from '../../lib/shared/api';
import type { PendingWrite } from '../../lib/shared/messages/views';
import { OUTBOX_ALARM } from '../../lib/background/outbox/sender';
import { sendAsExtensionPage, valueOf } from './messages';
import {
  canonBookIds,
  duplicated,
  outboxRows,
  registerReader,
  startOutboxRig,
  storedComments,
  storedRating,
  storedTags,
  waitFor,
  type OutboxRig,
} from './outbox-rig';

const WRITES = 20;
const BOOKS = 3;
/** Delivery after the restart rides on the retry alarm, which Chrome fires no sooner than 30 s after it is set. */
const DELIVERY_DEADLINE_MS = 150_000;

interface Submitted {
  id: string;
  bookId: string;
  kind: 'comment' | 'rating' | 'tags';
  comment?: string;
  rating?: number;
  tags?: string[];
}

describe('outbox: offline, then a browser restart', () => {
  let rig: OutboxRig;

  beforeAll(async () => {
    rig = await startOutboxRig();
    await registerReader(rig.page, 'Wanderer');
  });
  afterAll(() => rig?.close());

  it(
    `delivers the writes left of ${WRITES} made offline once each, in order per book, after the browser restarts`,
    { timeout: 240_000 },
    async () => {
      const books = await canonBookIds(rig.canon, BOOKS);
      await rig.proxy.setOffline(true);
      await rig.browser.context.setOffline(true);

      const submitted: Submitted[] = [];
      for (let i = 0; i < WRITES; i++) submitted.push(await submit(rig, books[i % BOOKS]!, i));
      // Every comment stays; of each book's ratings and of its tag sets only the latest does.
      const kept = submitted.filter(
        (write, i) =>
          write.kind === 'comment' ||
          !submitted.slice(i + 1).some((later) => later.bookId === write.bookId && later.kind === write.kind),
      );
      const replaced = submitted.filter((write) => !kept.includes(write));
      // Two rounds of ratings and of tags per book: the first of each replaced by the second.
      expect(replaced.map((write) => write.kind)).toEqual([
        ...Array(BOOKS).fill('rating'),
        ...Array(BOOKS).fill('tags'),
      ]);

      // Each book's first write was tried and failed; the rest wait behind it.
      const queued = await waitFor('a failed attempt per book', async () => {
        const rows = await outboxRows(rig.page);
        return rows.filter((row) => row.attempts > 0).length === BOOKS && rows;
      });
      expect(queued.map((row) => row.id)).toEqual(kept.map((s) => s.id));
      expect(queued.filter((row) => row.attempts > 0).map((row) => row.id)).toEqual(
        submitted.slice(0, BOOKS).map((s) => s.id),
      );

      // Clear the alarm and stop the worker with no extension page open to wake it,
      // so an alarm after the restart can only come from the next worker start.
      await rig.page.close();
      const worker = await rig.browser.serviceWorker();
      await worker.evaluate((name) => chrome.alarms.clear(name), OUTBOX_ALARM);
      await rig.browser.stopServiceWorker();
      await rig.restartBrowser({ offline: true });

      const restarted = await rig.browser.serviceWorker();
      const alarm = await waitFor('the retry alarm after the restart', () =>
        restarted.evaluate((name) => chrome.alarms.get(name).then((a) => a ?? null), OUTBOX_ALARM),
      );
      expect(alarm.name).toBe(OUTBOX_ALARM);
      expect((await outboxRows(rig.page)).map((row) => row.id)).toEqual(kept.map((s) => s.id));
      // Nothing got through while offline: the only request so far is the registration.
      expect(rig.proxy.log.filter((request) => request.idempotencyKey !== null)).toEqual([]);

      // Stop the restarted worker too, with nothing open to wake it: only the alarm can bring it back to send.
      await rig.page.close();
      await rig.browser.stopServiceWorker();
      const online = Date.now();
      await rig.browser.context.setOffline(false);
      await rig.proxy.setOffline(false);
      await waitFor(
        'every kept write answered',
        async () => writesAnswered(rig).length >= kept.length,
        DELIVERY_DEADLINE_MS,
      );
      const delivered = Date.now();
      rig.page = await rig.browser.openExtensionPage('options.html');
      expect(await outboxRows(rig.page)).toEqual([]);
      console.log(
        `offline + restart: ${WRITES} writes over ${BOOKS} books, ${kept.length} left after replacement; alarm after restart due ${Math.round((alarm.scheduledTime - online) / 1000)} s after the network returned; ` +
          `all answered ${((delivered - online) / 1000).toFixed(1)} s after it returned; ` +
          `${rig.proxy.log.filter((request) => request.idempotencyKey !== null).length} write requests reached the server`,
      );

      // Once each: one successful request per kept write, and each comment body stored once.
      const answered = writesAnswered(rig);
      expect(answered.map((request) => request.idempotencyKey).sort()).toEqual(kept.map((s) => s.id).sort());
      // A replaced write was never even tried.
      const replacedIds = new Set(replaced.map((s) => s.id));
      expect(rig.proxy.log.filter((request) => replacedIds.has(request.idempotencyKey ?? ''))).toEqual([]);
      const comments = await storedComments(rig.canon);
      expect(duplicated(comments.map((c) => c.body))).toEqual([]);
      expect(comments.map((c) => c.body).sort()).toEqual(submitted.flatMap((s) => s.comment ?? []).sort());

      // In order per book: the server received each book's kept writes as they were made, and kept the last
      // rating and tags.
      for (const bookId of books) {
        const made = kept.filter((s) => s.bookId === bookId);
        const arrived = answered
          .filter((request) => made.some((s) => s.id === request.idempotencyKey))
          .map((request) => request.idempotencyKey);
        expect(arrived).toEqual(made.map((s) => s.id));
        expect(await storedRating(rig.canon, bookId)).toBe(made.findLast((s) => s.kind === 'rating')?.rating);
        expect(await storedTags(rig.canon, bookId)).toEqual(made.findLast((s) => s.kind === 'tags')?.tags);
      }
    },
  );
});

/** Write requests (they carry an idempotency key) the server answered with success, in arrival order. */
function writesAnswered(rig: OutboxRig) {
  return rig.proxy.log.filter(
    (request) => request.idempotencyKey !== null && typeof request.outcome === 'number' && request.outcome < 300,
  );
}

/** The i-th write: per book, a comment, a rating, then tags, round and round. */
async function submit(rig: OutboxRig, bookId: string, i: number): Promise<Submitted> {
  const kind = (['comment', 'rating', 'tags'] as const)[Math.floor(i / BOOKS) % 3]!;
  let write: PendingWrite;
  const made: Omit<Submitted, 'id'> = { bookId, kind };
  if (kind === 'comment') {
    made.comment = `Written offline #${i} ${randomUUID()}`;
    write = valueOf(await sendAsExtensionPage(rig.page, 'postComment', { bookId, body: made.comment }));
  } else if (kind === 'rating') {
    const value = RATING_VALUES[i % RATING_VALUES.length]!;
    made.rating = value;
    write = valueOf(await sendAsExtensionPage(rig.page, 'setRating', { bookId, value }));
  } else {
    made.tags = [`shelf ${i}`, `offline ${i}`].sort();
    write = valueOf(await sendAsExtensionPage(rig.page, 'setTags', { bookId, tags: made.tags }));
  }
  return { id: write.id, ...made };
}
