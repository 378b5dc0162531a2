/**
 * Sending a protocol message from an extension page. A background that
 * cannot be reached (an extension update in progress, a crash) becomes an
 * error value like any other, so pages never have to catch.
 */
import { messenger, type MessageName, type ProtocolMap } from '../shared/messages/protocol';
import { fail } from '../shared/messages/result';

type Data<K extends MessageName> = Parameters<ProtocolMap[K]>[0];
type Reply<K extends MessageName> = ReturnType<ProtocolMap[K]>;

export async function callBackground<K extends MessageName>(
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
