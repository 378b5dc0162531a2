/**
 * Whether the reader has a tab's book in front of them, which is when the
 * background may ask Open Library about a book the canon does not know: the
 * popup and the browser's side panel are opened by the reader; the sidebar
 * framed into every book page is, until the reader opens it, a collapsed tab.
 */
import type { ExtensionPageCaller } from '../handlers/define';
import { layoutNow } from '../../shared/settings/defaults';
import { sidebarItem, sidebarOpenItem } from '../../shared/settings/items';

/** The query parameter the in-page sidebar frame's URL carries (lib/content/page-agent). */
const IN_PAGE_PARAM = 'in-page';

export async function readerIsLooking(caller: ExtensionPageCaller): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(caller.url);
  } catch {
    return false;
  }
  if (!url.searchParams.has(IN_PAGE_PARAM)) return true;
  // Open as the reader last left it, or else as "Sidebar at first" says.
  return layoutNow(await sidebarItem.getValue(), await sidebarOpenItem.getValue()).open;
}
