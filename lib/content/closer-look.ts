/**
 * The content script's way to detection's closer look. It is not in the
 * script every matched page receives (it would double it): when the first
 * look asks for it, one of two scripts is loaded into this frame's
 * content-script world, where it leaves its function on the world's global
 * (the page itself cannot see it), imported on a supported site, injected by
 * the background elsewhere (script-loader.ts):
 * - `book-check.js` checks a book a site adapter read (most book pages), and
 *   carries the schema.org readers some adapters read with;
 * - `closer-look.js`, the generic signals, reads a page no adapter could
 *   (loading their page pass, `page-pass.js`, itself where it needs it).
 */
import type { SchemaReaders } from '../detect/base/schema-readers';
import type { AdapterBook } from '../detect/base/types';
import type { BookRef } from '../shared/book-ref';
import { BOOK_CHECK_SCRIPT_FILE, CLOSER_LOOK_SCRIPT_FILE } from '../shared/content-scripts';
import { sendToBackground } from './channel';
import { loadExtensionScript } from './script-loader';

export const BOOK_CHECK_HOOK = '__booksideBookCheck';
export const GENERIC_LOOK_HOOK = '__booksideCloserLook';
/** The schema.org readers the book check leaves for site adapters that read them (lib/detect/base/schema-readers). */
export const SCHEMA_READERS_HOOK = '__booksideSchemaReaders';

/** Either script's function: the book check reads `adapterRef`'s book, the generic signals the page alone. */
export type CloserLook = (
  adapterRef: AdapterBook | null,
  doc: Document,
  url: string,
) => BookRef | null | Promise<BookRef | null>;

type HookScope = Record<string, CloserLook | SchemaReaders | undefined>;
const scope = globalThis as unknown as HookScope;

export function installCloserLook(hook: typeof BOOK_CHECK_HOOK | typeof GENERIC_LOOK_HOOK, look: CloserLook): void {
  scope[hook] = look;
}

export function installSchemaReaders(readers: SchemaReaders): void {
  scope[SCHEMA_READERS_HOOK] = readers;
}

/** How each script is loaded into this frame (each once: see the page agent's `browserDeps`). */
export interface CloserLookLoads {
  bookCheck(): Promise<unknown>;
  generic(): Promise<unknown>;
}

export const loadBookCheck = (api: typeof chrome) =>
  loadExtensionScript(api, BOOK_CHECK_SCRIPT_FILE, () => sendToBackground('loadBookCheck', undefined));

export const loadGenericLook = (api: typeof chrome) =>
  loadExtensionScript(api, CLOSER_LOOK_SCRIPT_FILE, () => sendToBackground('loadCloserLook', undefined));

/**
 * What one of these scripts left on the content-script world's global under
 * `hook`, loading the script first if it is not there yet (undefined when it
 * cannot be loaded).
 */
export async function hooked<T>(hook: string, load: () => Promise<unknown>): Promise<T | undefined> {
  if (!scope[hook]) await load().catch(() => undefined);
  return scope[hook] as T | undefined;
}

/**
 * The schema.org readers for the site adapter, from the book check (the
 * script an adapter's book page was about to need anyway). Undefined when it
 * cannot be loaded: the adapter then reads the page without them.
 */
export async function schemaReadersAt(loadBookCheck: () => Promise<unknown>): Promise<SchemaReaders | undefined> {
  await hooked(BOOK_CHECK_HOOK, loadBookCheck);
  return scope[SCHEMA_READERS_HOOK] as SchemaReaders | undefined;
}

/** An adapter's reading as it stands, without the contents only the check reads. */
function unchecked({ contents: _unread, ...ref }: AdapterBook): BookRef {
  return ref;
}

/**
 * The closer look at this page: the adapter's book checked, or the page read
 * by the generic signals. When the script cannot be loaded (the extension is
 * being updated, the browser refused the injection), an adapter's own
 * reading stands unchecked rather than lost.
 */
export async function closerLookAt(
  adapterRef: AdapterBook | null,
  loads: CloserLookLoads,
  doc: Document = document,
  url: string = location.href,
): Promise<BookRef | null> {
  const look = await (adapterRef
    ? hooked<CloserLook>(BOOK_CHECK_HOOK, loads.bookCheck)
    : hooked<CloserLook>(GENERIC_LOOK_HOOK, loads.generic));
  if (typeof look !== 'function') return adapterRef && unchecked(adapterRef);
  try {
    return await look(adapterRef, doc, url);
  } catch {
    return null;
  }
}
