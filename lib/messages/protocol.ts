import { defineExtensionMessaging } from '@webext-core/messaging';
import type { BookRef } from '../detect/types';
import type { Result } from './result';

/**
 * Every message between the extension's contexts, named from the caller's
 * side. Content scripts may send only the messages marked "content script";
 * the background checks the sender of every other one.
 */
export interface ProtocolMap {
  /** Content script: this tab shows one book (or, with `null`, none). */
  reportPageBook(book: BookRef | null): Result<null>;
}

export const messenger = defineExtensionMessaging<ProtocolMap>();
