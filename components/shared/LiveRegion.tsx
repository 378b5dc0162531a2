import type { ReadonlySignal } from '@preact/signals';

/**
 * Polite announcements for screen readers (comments loaded, a post queued or
 * failed). Kept in the page from the start: live regions added later are
 * often not read.
 */
export function LiveRegion({ message }: { message: ReadonlySignal<string> }) {
  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message.value}
    </div>
  );
}
