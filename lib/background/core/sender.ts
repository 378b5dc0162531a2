/**
 * Who sent a message. Classified by the sender's URL origin, not by whether
 * it has a tab: the sidebar is an extension page framed inside a web page's
 * tab, so it has `sender.tab` too.
 */
export type Caller =
  | { kind: 'content-script'; tabId: number; frameId: number; url: string }
  | { kind: 'extension-page'; tabId: number | null; url: string }
  | { kind: 'unknown' };

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export function classifySender(sender: unknown, extensionId: string, extensionOrigin: string): Caller {
  if (typeof sender !== 'object' || sender === null) return { kind: 'unknown' };
  const { id, url, tab, frameId } = sender as SenderLike;
  if (id !== extensionId || typeof url !== 'string') return { kind: 'unknown' };
  const tabId = typeof tab?.id === 'number' && tab.id >= 0 ? tab.id : null;
  if (sameOrigin(url, extensionOrigin)) return { kind: 'extension-page', tabId, url };
  if (tabId !== null && /^https?:\/\//i.test(url)) {
    return { kind: 'content-script', tabId, frameId: typeof frameId === 'number' && frameId >= 0 ? frameId : 0, url };
  }
  return { kind: 'unknown' };
}

/**
 * A prefix test on `runtime.getURL('/')`: URL parsing gives every
 * `chrome-extension:`/`moz-extension:` URL the opaque origin "null", so
 * comparing parsed origins would let any other extension pass.
 */
function sameOrigin(url: string, extensionRoot: string): boolean {
  const root = extensionRoot.endsWith('/') ? extensionRoot : `${extensionRoot}/`;
  return url.startsWith(root);
}
