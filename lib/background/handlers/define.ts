/**
 * The shape of a message handler. Who may send a message and what its payload
 * must be are in the protocol's tables (lib/shared/messages/protocol); a
 * handler only says what the message does, typed by the name it answers.
 */
import type { Caller } from '../core/sender';
import type { BackgroundContext } from '../core/context';
import type { ContentScriptMessages, MessageName, PayloadOf, ReplyOf } from '../../shared/messages/protocol';

export type ContentScriptCaller = Extract<Caller, { kind: 'content-script' }>;
export type ExtensionPageCaller = Extract<Caller, { kind: 'extension-page' }>;
/** Dispatch has already checked the sender against the message's table. */
type CallerOf<K extends MessageName> = K extends keyof ContentScriptMessages
  ? ContentScriptCaller
  : ExtensionPageCaller;

export type HandlerOf<K extends MessageName> = (
  ctx: BackgroundContext,
  data: PayloadOf<K>,
  caller: CallerOf<K>,
) => Promise<ReplyOf<K>>;

export type Handlers<K extends MessageName> = { [P in K]: HandlerOf<P> };

/** Types a group of handlers by the messages they answer: each key names a message. */
export function defineHandlers<K extends MessageName>(handlers: Handlers<K>): Handlers<K> {
  return handlers;
}
