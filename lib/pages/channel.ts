/**
 * Sending a protocol message from an extension page. A background that
 * cannot be reached (an extension update in progress, a crash) becomes an
 * error value like any other, so pages never have to catch. Typed by the
 * extension-page half of the protocol only.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ExtensionPageMessages } from '../shared/messages/protocol';
import { fail } from '../shared/messages/result';

type PageMessage = keyof ExtensionPageMessages;
type Data<K extends PageMessage> = Parameters<ExtensionPageMessages[K]>[0];
type Reply<K extends PageMessage> = ReturnType<ExtensionPageMessages[K]>;

const messenger = defineExtensionMessaging<ExtensionPageMessages>();

export async function callBackground<K extends PageMessage>(
  name: K,
  ...data: undefined extends Data<K> ? [Data<K>?] : [Data<K>]
): Promise<Reply<K>> {
  const send = messenger.sendMessage as (type: K, payload?: Data<K>) => Promise<Reply<K>>;
  try {
    return await send(name, data[0]);
  } catch {
    return fail('unreachable', 'Bookside’s background did not answer. Reload the page and try again.') as Reply<K>;
  }
}
