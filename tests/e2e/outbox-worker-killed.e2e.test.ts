/**
 * The browser stops the service worker while a comment's POST is in flight,
 * 50 times over. Half the time the request had not reached the server yet
 * (the write must still arrive), half the time the server had stored it and
 * only the answer was lost (the retry must not store it again).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendAsExtensionPage, valueOf } from './messages';
import {
  canonBookIds,
  duplicated,
  isCommentPost,
  outboxRows,
  registerReader,
  startOutboxRig,
  storedComments,
  waitFor,
  within,
  type OutboxRig,
} from './outbox-rig';

const ROUNDS = 50;
const STEP_DEADLINE_MS = 20_000;

describe('outbox: service worker stopped mid-POST', () => {
  let rig: OutboxRig;

  beforeAll(async () => {
    rig = await startOutboxRig();
    await registerReader(rig.page, 'Killjoy');
  });
  afterAll(() => rig?.close());

  it(`delivers every comment exactly once across ${ROUNDS} stops`, { timeout: 300_000 }, async () => {
    const books = await canonBookIds(rig.canon, 5);
    const submitted: { body: string; key: string; stage: 'request' | 'response' }[] = [];

    for (let round = 0; round < ROUNDS; round++) {
      const stage = round % 2 === 0 ? 'request' : 'response';
      const body = `Stopped mid-POST, round ${round} (${stage}) ${randomUUID()}`;
      const held = rig.proxy.holdNext((request) => isCommentPost(request) && request.body.includes(body), stage);

      const write = valueOf(
        await sendAsExtensionPage(rig.page, 'postComment', { bookId: books[round % books.length]!, body }),
      );
      submitted.push({ body, key: write.id, stage });
      await within(held.arrived, `round ${round}: the POST reaching the proxy`, STEP_DEADLINE_MS);
      if (stage === 'response') {
        // The server has stored it; only its answer is still held.
        expect((await storedComments(rig.canon)).filter((c) => c.body === body)).toHaveLength(1);
      }

      await rig.browser.stopServiceWorker();
      // The worker's fetch died with it: the held connection was closed from the browser's side.
      await within(held.clientGone, `round ${round}: the stopped worker's connection closing`, STEP_DEADLINE_MS);
      held.release();

      // Any message wakes the worker; its start releases the dead lease and flushes.
      await sendAsExtensionPage(rig.page, 'listOutbox', undefined);
      await waitFor(
        `round ${round}: the outbox to empty`,
        async () =>
          (await outboxRows(rig.page)).length === 0 && (await storedComments(rig.canon)).some((c) => c.body === body),
        STEP_DEADLINE_MS,
      );
    }

    const stored = (await storedComments(rig.canon)).map((c) => c.body);
    const lost = submitted.filter((s) => !stored.includes(s.body));
    console.log(
      `worker stopped mid-POST ${ROUNDS}×: submitted ${submitted.length}, stored ${stored.length}, lost ${lost.length}, duplicated ${duplicated(stored).length}`,
    );
    expect(lost).toEqual([]);
    expect(duplicated(stored)).toEqual([]);
    expect(stored).toHaveLength(submitted.length);

    // Each write was really sent again after the stop, under its own idempotency key.
    for (const { key, stage } of submitted) {
      const attempts = rig.proxy.log.filter((request) => request.idempotencyKey === key);
      // The second POST was stored (stage `request`) or answered from the stored first one (stage `response`).
      expect(
        attempts.map((a) => a.outcome),
        stage,
      ).toEqual(['held-then-client-gone', 201]);
    }
  });
});
