/**
 * The body of `content-scripts/closer-look.js`, loaded into a frame whose
 * first look found no adapter's book but markup or text the generic signals
 * may read (see `closer-look.ts`). It reads the page's metadata; where that
 * does not name the book fully, it loads the page pass (`page-pass.js`, the
 * labelled fields and the title heading), and for a contents field the book
 * check (`book-check.js`, which reads chapters): the same steps as
 * `detectGeneric`, each script only when needed.
 */
import { detectFromMetadata } from '../detect/generic';
import { combineReadings } from '../detect/generic-combine';
import { Field } from '../detect/signals/field-kinds';
import { BOOK_CHECK_SCRIPT_FILE, PAGE_PASS_SCRIPT_FILE, type InjectedScriptFile } from '../shared/content-scripts';
import type { ContentScriptMessages } from '../shared/messages/protocol';
import { sendToBackground } from './channel';
import { GENERIC_LOOK_HOOK, installCloserLook } from './closer-look';
import { extensionApi } from './extension-api';
import { CHAPTERS_HOOK, genericHooks, PAGE_PASS_HOOK, type GenericHooks } from './generic-hooks';
import { loadExtensionScript } from './script-loader';

/** Loads one of the generic signals' other scripts into this frame, unless `hook` is there already. */
async function load<K extends keyof GenericHooks>(
  hook: K,
  file: InjectedScriptFile,
  message: keyof ContentScriptMessages & ('loadGenericPagePass' | 'loadBookCheck'),
): Promise<GenericHooks[K]> {
  if (!genericHooks[hook]) {
    const api = extensionApi() ?? chrome;
    await loadExtensionScript(api, file, () => sendToBackground(message, undefined)).catch(() => undefined);
  }
  return genericHooks[hook];
}

export function provideCloserLook(): void {
  installCloserLook(GENERIC_LOOK_HOOK, async (_, doc, href) => {
    const url = new URL(href);
    const first = detectFromMetadata(doc, url);
    if ('ref' in first) return first.ref;
    const pagePass = await load(PAGE_PASS_HOOK, PAGE_PASS_SCRIPT_FILE, 'loadGenericPagePass');
    // Without the page pass (an update, a refused injection), the metadata's own reading stands.
    if (!pagePass) return combineReadings(first.readings);
    const { readings, fields } = pagePass(doc, url, first.readings);
    const ref = combineReadings(readings);
    if (!ref || !fields.some((field) => field.field === Field.Contents)) return ref;
    const chapters = (await load(CHAPTERS_HOOK, BOOK_CHECK_SCRIPT_FILE, 'loadBookCheck'))?.(fields) ?? [];
    return chapters.length > 0 ? { ...ref, chapters } : ref;
  });
}
