/**
 * Firefox runs the background as an event page and stops it when idle. Here
 * it is stopped (the add-on manager's own terminateBackground, reached
 * through the browser's privileged scope) while a comment's POST is held:
 * once before the request reaches the server, once after the server stored
 * it but before its answer arrives. Woken by the next message, it must
 * deliver each comment exactly once.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCanonServer, type CanonServerHandle } from '../server/harness';
import { E2E_CANON_URL } from '../e2e/canon';
import { startCanonProxy, type CanonProxy } from '../e2e/canon-proxy';
import { sendAsExtensionPage, valueOf } from '../e2e/messages';
import { canonBookIds, duplicated, isCommentPost, storedComments, waitFor, within } from '../e2e/outbox-rig';
import { launchFirefoxWithExtension, type FirefoxExtensionBrowser } from './firefox';

const STEP_DEADLINE_MS = 20_000;

describe('the event page stopped mid-POST, in Firefox', () => {
  let canon: CanonServerHandle;
  let proxy: CanonProxy;
  let ff: FirefoxExtensionBrowser;
  let control: Page;

  beforeAll(async () => {
    canon = await startCanonServer();
    proxy = await startCanonProxy(E2E_CANON_URL, canon.url);
    ff = await launchFirefoxWithExtension();
    control = await ff.openExtensionPage('options.html');
    valueOf(await sendAsExtensionPage(control, 'registerIdentity', { name: 'Eve Page', email: 'eve@example.org' }));
  });
  afterAll(async () => {
    await ff?.close();
    await proxy?.close();
    await canon?.stop();
  });

  it.each(['request', 'response'] as const)(
    'delivers a comment exactly once when stopped with its POST held at the %s',
    async (stage) => {
      const [bookId] = await canonBookIds(canon, 1);
      const body = `Stopped event page (${stage}) ${randomUUID()}`;
      const held = proxy.holdNext((request) => isCommentPost(request) && request.body.includes(body), stage);
      const write = valueOf(await sendAsExtensionPage(control, 'postComment', { bookId: bookId!, body }));
      await within(held.arrived, 'the POST reaching the proxy', STEP_DEADLINE_MS);
      if (stage === 'response') {
        expect((await storedComments(canon)).filter((c) => c.body === body)).toHaveLength(1);
      }

      await ff.terminateBackground();
      expect(await ff.backgroundState()).toBe('stopped');
      // The stopped page's fetch died with it: the held connection was closed from the browser's side.
      await within(held.clientGone, 'the stopped page’s connection closing', STEP_DEADLINE_MS);
      held.release();

      // Any message wakes the event page; its start releases the dead lease and sends again.
      await sendAsExtensionPage(control, 'listOutbox', undefined);
      expect(await ff.backgroundState()).toBe('running');
      await waitFor(
        'the outbox to empty',
        async () =>
          valueOf(await sendAsExtensionPage(control, 'listOutbox', undefined)).length === 0 &&
          (await storedComments(canon)).some((c) => c.body === body),
        STEP_DEADLINE_MS,
      );
      const stored = (await storedComments(canon)).map((c) => c.body);
      expect(stored.filter((b) => b === body)).toHaveLength(1);
      expect(duplicated(stored)).toEqual([]);
      // Really sent again after the stop, under the same idempotency key.
      expect(proxy.log.filter((r) => r.idempotencyKey === write.id).map((r) => r.outcome)).toEqual([
        'held-then-client-gone',
        201,
      ]);
    },
  );
});
