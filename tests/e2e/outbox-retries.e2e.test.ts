/**
 * One comment through every transient failure the outbox retries: a 503
 * (retried by itself after backoff), a 429 with Retry-After (the next
 * attempt and the retry alarm wait for it), a dropped connection and a 409
 * "still in progress". It still arrives once. A 422 is final: the write is
 * kept, marked failed, and not retried.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_BACKOFF_BASE_MS } from '../../lib/background/core/limits';
import type { PendingWrite } from '../../lib/shared/messages/views';
import { OUTBOX_ALARM } from '../../lib/background/outbox/sender';
import { sendAsExtensionPage, valueOf } from './messages';
import {
  canonBookIds,
  isCommentPost,
  outboxRows,
  registerReader,
  startOutboxRig,
  storedComments,
  waitFor,
  type OutboxRig,
} from './outbox-rig';

const RETRY_AFTER_S = 600;

describe('outbox: transient and final failures', () => {
  let rig: OutboxRig;
  let bookId: string;

  beforeAll(async () => {
    rig = await startOutboxRig();
    await registerReader(rig.page, 'Persistent');
    [bookId] = (await canonBookIds(rig.canon, 1)) as [string];
  });
  afterAll(() => rig?.close());

  it(
    'retries 503, 429 (honouring Retry-After), a dropped connection and 409, and stores the comment once',
    { timeout: 90_000 },
    async () => {
      const body = `Retried ${randomUUID()}`;
      const mine = (request: { method: string; path: string; body: string }) =>
        isCommentPost(request) && request.body.includes(body);
      rig.proxy.misbehave(mine, { kind: 'status', status: 503 });
      const write = valueOf(await sendAsExtensionPage(rig.page, 'postComment', { bookId, body }));

      // 503: backed off by at least half the first step, then retried with no one asking.
      const backedOff = await rowAfterAttempts(rig, write.id, 1);
      expect(backedOff.nextAttemptAt! - backedOff.createdAt).toBeGreaterThanOrEqual(OUTBOX_BACKOFF_BASE_MS / 2);
      rig.proxy.misbehave(mine, { kind: 'status', status: 429, headers: { 'retry-after': String(RETRY_AFTER_S) } });
      const limited = await rowAfterAttempts(rig, write.id, 2, 30_000);

      // 429: neither the row nor the alarm comes back before Retry-After.
      const answeredBy = Date.now();
      expect(limited.nextAttemptAt!).toBeGreaterThanOrEqual(answeredBy - 5_000 + RETRY_AFTER_S * 1_000);
      const worker = await rig.browser.serviceWorker();
      const alarm = await waitFor('the alarm set for the next attempt', async () => {
        const set = await worker.evaluate((name) => chrome.alarms.get(name), OUTBOX_ALARM);
        return set !== undefined && set.scheduledTime === limited.nextAttemptAt && set;
      });
      expect(alarm.scheduledTime).toBeGreaterThanOrEqual(answeredBy - 5_000 + RETRY_AFTER_S * 1_000);

      // The reader's "retry now" overrides the wait; a dropped connection and a 409 are retried too.
      // Chromium itself re-sends a POST once when a reused keep-alive connection drops without an
      // answer, so the drop is made twice: the outbox sees a network error either way.
      rig.proxy.misbehave(mine, { kind: 'drop' }, 2);
      valueOf(await sendAsExtensionPage(rig.page, 'retryOutbox', { id: write.id }));
      await rowAfterAttempts(rig, write.id, 3);
      rig.proxy.behave();
      rig.proxy.misbehave(mine, { kind: 'status', status: 409 });
      valueOf(await sendAsExtensionPage(rig.page, 'retryOutbox', { id: write.id }));
      await rowAfterAttempts(rig, write.id, 4);
      valueOf(await sendAsExtensionPage(rig.page, 'retryOutbox', { id: write.id }));
      await waitFor('the comment delivered', async () => (await outboxRows(rig.page)).length === 0);

      const outcomes = rig.proxy.log
        .filter((request) => request.idempotencyKey === write.id)
        .map((request) => request.outcome);
      console.log(`one comment through failures: requests seen by the server's proxy: ${outcomes.join(', ')}`);
      expect(outcomes.join(',')).toMatch(/^injected,injected,dropped(,dropped)?,injected,201$/);
      expect((await storedComments(rig.canon)).filter((comment) => comment.body === body)).toHaveLength(1);
    },
  );

  it('keeps a write the server refuses (422) as failed, without retrying it', async () => {
    const body = `Refused ${randomUUID()}`;
    rig.proxy.misbehave((request) => isCommentPost(request) && request.body.includes(body), {
      kind: 'status',
      status: 422,
    });
    const write = valueOf(await sendAsExtensionPage(rig.page, 'postComment', { bookId, body }));
    const failed = await waitFor(
      'the write marked failed',
      async () => (await outboxRows(rig.page)).find((row) => row.id === write.id && row.state === 'failed') ?? null,
    );
    expect(failed).toMatchObject({ attempts: 1, nextAttemptAt: null });
    // Another write for the same book is not held back by the failed one.
    const next = valueOf(
      await sendAsExtensionPage(rig.page, 'postComment', { bookId, body: `After the refusal ${randomUUID()}` }),
    );
    await waitFor(
      'the next write delivered',
      async () => !(await outboxRows(rig.page)).some((row) => row.id === next.id),
    );
    expect(rig.proxy.log.filter((request) => request.idempotencyKey === write.id)).toHaveLength(1);
    expect((await outboxRows(rig.page)).map((row) => row.id)).toEqual([write.id]);
  });
});

/** The row once it has been answered `attempts` times and is queued again. */
function rowAfterAttempts(rig: OutboxRig, id: string, attempts: number, deadlineMs?: number): Promise<PendingWrite> {
  return waitFor(
    `attempt ${attempts} of ${id}`,
    async () =>
      (await outboxRows(rig.page)).find(
        (row) => row.id === id && row.attempts === attempts && row.state === 'queued',
      ) ?? null,
    deadlineMs,
  );
}
