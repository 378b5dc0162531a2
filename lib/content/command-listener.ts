/**
 * The content script's ear for the background (protocol.ts `TO_CONTENT_SCRIPT`):
 * only `tabs.sendMessage` from this extension reaches `runtime.onMessage`
 * here, never a page, and each message is still checked for its sender and
 * its name before anything acts on it.
 */
import type { ContentScriptCommands } from '../shared/messages/protocol';

type Command = keyof ContentScriptCommands;
type Reply<K extends Command> = ReturnType<ContentScriptCommands[K]>;
export type CommandHandlers = { [K in Command]: () => Promise<Reply<K>> };

type RuntimeApi = Pick<typeof chrome.runtime, 'id' | 'onMessage'>;

export function listenForCommands(runtime: RuntimeApi, handlers: CommandHandlers, signal: AbortSignal): void {
  const listener = (message: unknown, sender: chrome.runtime.MessageSender, respond: (reply: unknown) => void) => {
    // From the extension's background: its id, and no tab (a content script's message would carry one).
    if (sender.id !== runtime.id || sender.tab !== undefined) return false;
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return false;
    void handlers[type as Command]().then((res) => respond({ res }));
    return true;
  };
  runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => runtime.onMessage.removeListener(listener), { once: true });
}
