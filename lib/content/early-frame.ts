/**
 * The sidebar's frame, started before the page is parsed. Loading the
 * sidebar page is most of what a reader waits for (an empty extension page
 * framed the same way costs nearly as much as the sidebar: `npm run
 * bench:sidebar`), so a site script runs at document_start and, where the
 * address alone says the page may be one book, frames the sidebar hidden at
 * once. Detection still runs on the parsed page; the page agent's check
 * (`runPageAgent` in page-agent.ts) shows this frame only for a book and
 * removes it otherwise. Where the address says "not a book" (a search, a
 * list), nothing is framed.
 */
import type { SiteAdapter } from '../detect/base/types';
import type { SidebarLayout } from '../shared/settings/appearance';
import { mountSidebarFrame, type SidebarFrame } from './sidebar-frame';

/**
 * True when a hidden frame is worth starting: the page is still being parsed
 * (a script injected later frames once detection has spoken), the reader
 * keeps the sidebar in pages, and the site's adapter accepts this address as
 * maybe one book (its `test`, then its `urlMayBeBook`).
 */
export function earlyFrameWanted(
  adapters: readonly SiteAdapter[],
  doc: Document,
  url: URL,
  layout: SidebarLayout,
): boolean {
  if (doc.readyState !== 'loading' || layout.placement !== 'page' || !doc.documentElement) return false;
  const adapter = adapters.find((candidate) => candidate.test(url, doc));
  return adapter !== undefined && (adapter.urlMayBeBook?.(url) ?? true);
}

/**
 * The hidden frame, on the document element: there is no body yet to find
 * skip links in (were there one, the frame goes first in it, as on a page
 * without skip links).
 */
export function startEarlyFrame(doc: Document, sidebarUrl: string, layout: SidebarLayout): SidebarFrame {
  const place = (host: Element) => (doc.body ? doc.body.prepend(host) : doc.documentElement.append(host));
  return mountSidebarFrame(doc, sidebarUrl, layout, place, { hidden: true });
}

/** Resolves once the document is parsed (at once if it is), or once the script's context ends. */
export function whenParsed(doc: Document, signal: AbortSignal): Promise<void> {
  if (doc.readyState !== 'loading' || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true, signal });
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
