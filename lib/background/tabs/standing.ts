/** The canon's answer about a page's book, reduced to what quiet mode decides on. */
import type { CanonStanding, CanonStatus } from '../../shared/messages/views';

/** No answer at all (offline, and the shipped canon does not have it) is "unknown": quiet means quiet. */
export function standingOf(status: CanonStatus | null): CanonStanding {
  if (status === null) return 'unknown';
  if (status.answer.inCanon) return 'in-canon';
  return status.answer.nomination === null ? 'unknown' : 'nominated';
}
