/**
 * Sending protocol messages the way the sidebar, popup and options page do:
 * from an extension page, in @webext-core/messaging's wire envelope
 * (`{id, type, data, timestamp}`, answered `{res}` or `{err}`). Used by the
 * e2e tests (tests/e2e/messages re-exports it) and by benchmarks.
 */
import type { MessageName, ProtocolMap } from '../lib/shared/messages/protocol';
import type { Result } from '../lib/shared/messages/result';

type Payload<K extends MessageName> = Parameters<ProtocolMap[K]>[0];
type Reply<K extends MessageName> = ReturnType<ProtocolMap[K]>;

let nextId = 1;

type Envelope = { id: number; type: string; data: unknown; timestamp: number };
type Answer = { res?: unknown; err?: unknown } | undefined;

/** An extension page as Playwright (Chromium) or Puppeteer (Firefox) holds it. */
export interface ExtensionPageHandle {
  evaluate(fn: (message: Envelope) => Promise<Answer>, message: Envelope): Promise<Answer>;
}

export async function sendAsExtensionPage<K extends MessageName>(
  page: ExtensionPageHandle,
  type: K,
  data: Payload<K>,
): Promise<Reply<K>> {
  const envelope = { id: nextId++, type, data, timestamp: Date.now() };
  const reply = await page.evaluate((message) => chrome.runtime.sendMessage(message) as Promise<Answer>, envelope);
  if (reply === undefined || !('res' in reply)) {
    throw new Error(`${type}: no result (${JSON.stringify(reply?.err ?? reply)})`);
  }
  return reply.res as Reply<K>;
}

/** The value of a successful reply; a failed one fails the test with its code. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`message failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}
