/**
 * The body of `content-scripts/closer-look.js`, which the background injects
 * into a frame whose first look asks for the generic signals (see
 * `closer-look.ts`). It only leaves its function, and the schema.org readers
 * some site adapters lean on, for the frame's content script.
 */
import { closerLook } from '../detect/closer-look';
import { SCHEMA_READERS } from '../detect/signals/schema-readers';
import { installCloserLook } from './closer-look';

export function provideCloserLook(): void {
  installCloserLook((adapterRef, doc, url) => closerLook(adapterRef, doc, new URL(url)), SCHEMA_READERS);
}
