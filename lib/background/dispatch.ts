/**
 * The one entry for every message: sender check, then payload check, then the
 * handler. Never throws: every outcome is a `Result`, and a refused message
 * touches neither storage nor the network.
 */
import * as v from 'valibot';
import { TOPICS_CHANGED_BY } from '../shared/messages/change-feed';
import { FROM_CONTENT_SCRIPT, FROM_EXTENSION_PAGE, type MessageName } from '../shared/messages/protocol';
import { fail, type Result } from '../shared/messages/result';
import { announceChange } from './core/announce';
import type { BackgroundContext } from './core/context';
import { classifySender, type Caller } from './core/sender';
import { handlers } from './handlers';
import type { HandlerOf } from './handlers/define';

export interface MessageRule {
  /** Who may send it. */
  from: Exclude<Caller['kind'], 'unknown'>;
  payload: v.GenericSchema;
}

/** Who may send a message and what it must carry, from the protocol's tables; null for no such message. */
export function messageRule(name: string): MessageRule | null {
  if (Object.hasOwn(FROM_CONTENT_SCRIPT, name)) {
    return { from: 'content-script', payload: FROM_CONTENT_SCRIPT[name as keyof typeof FROM_CONTENT_SCRIPT] };
  }
  if (Object.hasOwn(FROM_EXTENSION_PAGE, name)) {
    return { from: 'extension-page', payload: FROM_EXTENSION_PAGE[name as keyof typeof FROM_EXTENSION_PAGE] };
  }
  return null;
}

export async function dispatch(
  ctx: BackgroundContext,
  name: string,
  data: unknown,
  sender: unknown,
): Promise<Result<unknown>> {
  const rule = messageRule(name);
  if (rule === null) return fail('unknown-message', 'No such message.');
  const caller = classifySender(sender, ctx.extensionId, ctx.extensionOrigin);
  if (caller.kind !== rule.from) {
    return fail(
      'forbidden-sender',
      rule.from === 'extension-page'
        ? 'Only extension pages may send this.'
        : "Only a page's content script may send this.",
    );
  }
  const parsed = v.safeParse(rule.payload, data);
  if (!parsed.success) return fail('invalid-payload', `Invalid message: ${parsed.issues[0]?.message ?? 'malformed'}`);
  const run = handlers[name as MessageName] as HandlerOf<MessageName>;
  try {
    const result = await run(ctx, parsed.output as never, caller as never);
    if (result.ok) await announceChange(TOPICS_CHANGED_BY[name as MessageName] ?? [], ctx.now()).catch(() => undefined);
    return result;
  } catch (error) {
    console.error(`Bookside: ${name} failed`, error);
    return fail('internal', 'Something went wrong in the background.');
  }
}
