/**
 * The content script's end of the extension's messaging, without the
 * messaging library or the browser polyfill: both Chrome's and Firefox's MV3
 * `runtime` APIs return promises, and every byte here is injected into
 * someone else's page. It speaks the same envelope as `lib/messages`
 * (`{id, type, data, timestamp}` → `{res} | {err}`), typed by the same
 * protocol map, so the background handles it like any other message.
 */
import type { ContentScriptMessages } from '../shared/messages/protocol';
import { extensionApi } from './extension-api';

type ContentMessage = keyof ContentScriptMessages;
type Data<K extends ContentMessage> = Parameters<ContentScriptMessages[K]>[0];
type Reply<K extends ContentMessage> = ReturnType<ContentScriptMessages[K]>;

function runtime(): typeof chrome.runtime {
  const api = extensionApi()?.runtime;
  if (!api) throw new Error('No extension runtime in this context.');
  return api;
}

let nextId = Math.floor(Math.random() * 1e6);

/** Sends one protocol message to the background and returns its reply. */
export async function sendToBackground<K extends ContentMessage>(type: K, data: Data<K>): Promise<Reply<K>> {
  const envelope = { id: nextId++, type, data, timestamp: Date.now() };
  const response = (await runtime().sendMessage(envelope)) as
    { res?: Reply<K>; err?: { message?: string } } | undefined;
  if (!response || 'err' in response) throw new Error(response?.err?.message ?? 'No answer from the background.');
  return response.res as Reply<K>;
}
