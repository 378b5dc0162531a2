/**
 * The framing floor's content script: frames the empty probe page exactly as
 * the page agent frames the sidebar (the same `mountSidebarFrame`: a closed
 * shadow root, Chrome's dynamic URL), at the time site scripts used to run
 * (document_end), on the bench's probe host only.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { placeInTabOrder } from '../lib/content/focus-placement';
import { mountSidebarFrame } from '../lib/content/sidebar-frame';

export default defineUnlistedScript(() => {
  const api = (globalThis as { chrome?: typeof chrome }).chrome!;
  mountSidebarFrame(
    document,
    api.runtime.getURL('/bench/probe.html'),
    { open: true, side: 'right', placement: 'page' },
    (host) => placeInTabOrder(document, host),
  );
});
