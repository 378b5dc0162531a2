/**
 * The content script's way to the generic signals. They are not in the
 * script every matched page receives (they would double it): when the first
 * look asks for them, `content-scripts/closer-look.js` is loaded into this
 * frame's content-script world, where it leaves its function on the world's
 * global (the page itself cannot see it): imported on a supported site,
 * injected by the background elsewhere (script-loader.ts).
 */
import type { SchemaReaders } from '../detect/base/schema-readers';
import type { BookRef } from '../shared/book-ref';
import { CLOSER_LOOK_SCRIPT_FILE } from '../shared/content-scripts';
import { sendToBackground } from './channel';
import { loadExtensionScript } from './script-loader';

export const CLOSER_LOOK_HOOK = '__booksideCloserLook';
/** The schema.org readers the same script leaves for site adapters that read them (lib/detect/base/schema-readers). */
export const SCHEMA_READERS_HOOK = '__booksideSchemaReaders';

export type CloserLook = (adapterRef: BookRef | null, doc: Document, url: string) => BookRef | null;

type HookScope = { [CLOSER_LOOK_HOOK]?: CloserLook; [SCHEMA_READERS_HOOK]?: SchemaReaders };

export function installedCloserLook(): CloserLook | undefined {
  const look = (globalThis as HookScope)[CLOSER_LOOK_HOOK];
  return typeof look === 'function' ? look : undefined;
}

export function installCloserLook(look: CloserLook, readers?: SchemaReaders): void {
  (globalThis as HookScope)[CLOSER_LOOK_HOOK] = look;
  (globalThis as HookScope)[SCHEMA_READERS_HOOK] = readers;
}

/**
 * The schema.org readers for the site adapter, from the closer-look script
 * (loaded once per frame by `load`, the closer look's own load, which the
 * page was about to need anyway). Undefined when it cannot be loaded: the
 * adapter then reads the page without them.
 */
export async function schemaReadersAt(load: () => Promise<unknown>): Promise<SchemaReaders | undefined> {
  if (!installedCloserLook()) await load().catch(() => undefined);
  return (globalThis as HookScope)[SCHEMA_READERS_HOOK];
}

/** Loads the closer look into this frame: imported where the page's site is listed, else injected by the background. */
export function loadCloserLook(api: typeof chrome): Promise<void> {
  return loadExtensionScript(api, CLOSER_LOOK_SCRIPT_FILE, () => sendToBackground('loadCloserLook', undefined));
}

/**
 * The closer look at this page, loaded once per frame by `load`. When it
 * cannot be loaded (the extension is being updated, the browser refused the
 * injection), an adapter's own reading stands unchecked rather than lost.
 */
export async function closerLookAt(
  adapterRef: BookRef | null,
  load: () => Promise<unknown>,
  doc: Document = document,
  url: string = location.href,
): Promise<BookRef | null> {
  let look = installedCloserLook();
  if (!look) {
    await load().catch(() => undefined);
    look = installedCloserLook();
  }
  if (!look) return adapterRef;
  try {
    return look(adapterRef, doc, url);
  } catch {
    return null;
  }
}
