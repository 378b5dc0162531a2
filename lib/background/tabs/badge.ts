/** The toolbar badge on tabs whose book is in the canon: the average rating when there is one. */
import { browser } from 'wxt/browser';
import type { CanonStatus } from '../../shared/messages/views';

const BADGE_COLOR = '#2f5d50';
/** Chrome shows about four characters; "4.5" fits, a longer text would be cut. */
const BADGE_MAX_CHARS = 4;
const IN_CANON_MARK = '✓';

export interface Badge {
  text: string;
  title: string;
}

export function badgeFor(status: CanonStatus | null): Badge {
  if (status === null || !status.answer.inCanon) return { text: '', title: 'Bookside' };
  const { title, rating } = status.answer.entry;
  const average = rating.average === null || rating.count === 0 ? null : rating.average.toFixed(1);
  const text = average !== null && average.length <= BADGE_MAX_CHARS ? average : IN_CANON_MARK;
  const rated = average === null ? '' : `, rated ${average} by ${rating.count}`;
  return { text, title: `Bookside: “${title}” is in the canon${rated}` };
}

export async function showBadge(tabId: number, badge: Badge): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  await browser.action.setBadgeText({ tabId, text: badge.text });
  await browser.action.setTitle({ tabId, title: badge.title });
}
