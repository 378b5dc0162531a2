/**
 * The content script's end of the extension's messaging, without the
 * messaging library or the browser polyfill: both Chrome's and Firefox's MV3
 * `runtime` APIs return promises, and every byte here is injected into
 * someone else's page. It speaks the same envelope as `lib/messages`
 * (`{id, type, data, timestamp}` → `{res} | {err}`), typed by the same
 * protocol map, so the background handles it like any other message.
 */
import type { ProtocolMap } from '../messages/protocol';

type Runtime = typeof chrome.runtime;
type ContentMessage = keyof ProtocolMap;
type Data<K extends ContentMessage> = Parameters<ProtocolMap[K]>[0];
type Reply<K extends ContentMessage> = ReturnType<ProtocolMap[K]>;

function runtime(): Runtime {
  const scope = globalThis as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
  const api = scope.browser?.runtime ?? scope.chrome?.runtime;
  if (!api) throw new Error('No extension runtime in this context.');
  return api;
}

let nextId = Math.floor(Math.random() * 1e6);

/** Sends one protocol message to the background and returns its reply. */
export async function sendToBackground<K extends ContentMessage>(type: K, data: Data<K>): Promise<Reply<K>> {
  const envelope = { id: nextId++, type, data, timestamp: Date.now() };
  const response = (await runtime().sendMessage(envelope)) as { res?: Reply<K>; err?: { message?: string } } | undefined;
  if (!response || 'err' in response) throw new Error(response?.err?.message ?? 'No answer from the background.');
  return response.res as Reply<K>;
}

/**
 * Listens for one protocol message addressed to this tab. Only the extension
 * itself can reach `runtime.onMessage`, and the sender's id is checked too;
 * nothing a page posts arrives here.
 */
export function onExtensionMessage<K extends ContentMessage>(type: K, handle: (data: Data<K>) => Reply<K>, signal: AbortSignal): void {
  const api = runtime();
  const listener = (message: unknown, sender: chrome.runtime.MessageSender): Promise<{ res: Reply<K> }> | undefined => {
    if (sender.id !== api.id || !isEnvelope(message) || message.type !== type) return undefined;
    return Promise.resolve({ res: handle(message.data as Data<K>) });
  };
  api.onMessage.addListener(listener);
  signal.addEventListener('abort', () => api.onMessage.removeListener(listener), { once: true });
}

function isEnvelope(message: unknown): message is { type: string; data: unknown } {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}
