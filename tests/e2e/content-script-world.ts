/**
 * Reaching a page's content script from a test, through the Chrome DevTools
 * Protocol: the extension's isolated world shows up as an execution context
 * whose origin is the extension's. Code evaluated there runs with the content
 * script's own `chrome.runtime` and `chrome.storage`, so the background
 * classifies its messages exactly as it classifies the content script's.
 *
 * The same session listens for what an uncaught error in the content script
 * produces in the page's target: `Runtime.exceptionThrown` (thrown errors and
 * unhandled rejections, any world) and `console.error` calls from the
 * extension's world.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface ContentScriptWorld {
  /** Evaluates `expression` (awaited, returned by value) in the content script's world of the top frame. */
  evaluate<T>(expression: string): Promise<T>;
  /** Uncaught errors, unhandled rejections and console errors seen in the page so far, any world. */
  readonly errors: string[];
  detach(): Promise<void>;
}

interface ContextDescription {
  id: number;
  origin: string;
  auxData?: { isDefault?: boolean; type?: string; frameId?: string };
}

export async function contentScriptWorld(page: Page, extensionId: string): Promise<ContentScriptWorld> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const origin = `chrome-extension://${extensionId}`;
  const contexts = new Map<number, ContextDescription>();
  const errors: string[] = [];

  session.on('Runtime.executionContextCreated', ({ context }) =>
    contexts.set(context.id, context as ContextDescription),
  );
  session.on('Runtime.executionContextDestroyed', ({ executionContextId }) => contexts.delete(executionContextId));
  session.on('Runtime.executionContextsCleared', () => contexts.clear());
  session.on('Runtime.exceptionThrown', ({ exceptionDetails }) => {
    errors.push(`uncaught: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  });
  session.on('Runtime.consoleAPICalled', ({ type, args, executionContextId }) => {
    if (type !== 'error' && type !== 'assert') return;
    const world = contexts.get(executionContextId)?.origin === origin ? 'content script' : 'page';
    errors.push(
      `console.${type} (${world}): ${args.map((a) => (typeof a.value === 'string' ? a.value : (a.description ?? JSON.stringify(a.value)))).join(' ')}`,
    );
  });
  // Enabling replays a Created event for every context that already exists.
  await session.send('Runtime.enable');
  const { frameTree } = await session.send('Page.getFrameTree');
  const topFrameId = frameTree.frame.id;

  function contentScriptContextId(): number {
    const found = [...contexts.values()].find(
      (c) => c.origin === origin && c.auxData?.type === 'isolated' && c.auxData.frameId === topFrameId,
    );
    if (found === undefined) throw new Error(`no content script world of ${origin} in ${page.url()}`);
    return found.id;
  }

  return {
    errors,
    async evaluate<T>(expression: string): Promise<T> {
      const reply = await session.send('Runtime.evaluate', {
        expression,
        contextId: contentScriptContextId(),
        awaitPromise: true,
        returnByValue: true,
      });
      if (reply.exceptionDetails) {
        throw new Error(
          `in the content script's world: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`,
        );
      }
      return reply.result.value as T;
    },
    detach: () => session.detach(),
  };
}
