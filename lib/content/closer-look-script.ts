/**
 * The body of `content-scripts/closer-look.js`, loaded into a frame whose
 * first look found no adapter's book but markup or text the generic signals
 * may read (see `closer-look.ts`). It only leaves its function for the
 * frame's content script.
 */
import { detectGeneric } from '../detect/generic';
import { GENERIC_LOOK_HOOK, installCloserLook } from './closer-look';

export function provideCloserLook(): void {
  installCloserLook(GENERIC_LOOK_HOOK, (_, doc, url) => detectGeneric(doc, new URL(url)));
}
