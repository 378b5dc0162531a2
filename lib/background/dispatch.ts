/**
 * The one entry for every message: sender check, then payload check, then the
 * handler. Never throws: every outcome is a `Result`, and a refused message
 * touches neither storage nor the network.
 */
import * as v from 'valibot';
import { TOPICS_CHANGED_BY } from '../shared/messages/change-feed';
import type { MessageName } from '../shared/messages/protocol';
import { classifySender } from './core/sender';
import { fail, type Result } from '../shared/messages/result';
import { announceChange } from './core/announce';
import type { BackgroundContext } from './core/context';
import { handlers } from './handlers';

export async function dispatch(
  ctx: BackgroundContext,
  name: string,
  data: unknown,
  sender: unknown,
): Promise<Result<unknown>> {
  if (!Object.hasOwn(handlers, name)) return fail('unknown-message', 'No such message.');
  const handler = handlers[name as keyof typeof handlers];
  const caller = classifySender(sender, ctx.extensionId, ctx.extensionOrigin);
  if (caller.kind !== handler.from) {
    return fail(
      'forbidden-sender',
      handler.from === 'extension-page'
        ? 'Only extension pages may send this.'
        : "Only a page's content script may send this.",
    );
  }
  const parsed = v.safeParse(handler.payload, data);
  if (!parsed.success) return fail('invalid-payload', `Invalid message: ${parsed.issues[0]?.message ?? 'malformed'}`);
  try {
    const result = await handler.run(ctx, parsed.output as never, caller);
    if (result.ok) await announceChange(TOPICS_CHANGED_BY[name as MessageName] ?? [], ctx.now()).catch(() => undefined);
    return result;
  } catch (error) {
    console.error(`Bookside: ${name} failed`, error);
    return fail('internal', 'Something went wrong in the background.');
  }
}
