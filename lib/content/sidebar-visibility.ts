/**
 * Quiet mode's decision: whether a book page shows the sidebar's tab. The
 * background looked the book up (its `CanonStanding`); the reader chose how
 * much the canon must know of a book before Bookside speaks up. Until the
 * answer is there (`undefined`), a quiet page stays quiet; so it does when
 * the background has no report to answer about (`null`).
 */
import type { CanonStanding } from '../shared/messages/views';
import type { ShowOn } from '../shared/settings/appearance';

export function sidebarShown(showOn: ShowOn, standing: CanonStanding | null | undefined): boolean {
  switch (showOn) {
    case 'every-book':
      return true;
    case 'known':
      return standing === 'in-canon' || standing === 'nominated';
    case 'in-canon':
      return standing === 'in-canon';
  }
}

/** Whether the decision needs the canon's answer at all (it costs a message and maybe a lookup). */
export function needsStanding(showOn: ShowOn): boolean {
  return !sidebarShown(showOn, undefined);
}
