/**
 * The body of `content-scripts/closer-look.js`, loaded into a frame whose
 * first look found no adapter's book but markup or text the generic signals
 * may read (see `closer-look.ts`). It reads the page's metadata; where that
 * does not name the book fully, it loads the page pass (`page-pass.js`, the
 * labelled fields and the title heading), and for a contents field the book
 * check (`book-check.js`, which reads chapters): the same steps as
 * `detectGeneric`, each script only when needed.
 */
import { withChapters } from '../detect/base/bookref';
import { detectFromMetadata } from '../detect/generic';
import { combineReadings } from '../detect/generic-combine';
import { Field } from '../detect/signals/field-kinds';
import { PAGE_PASS_SCRIPT_FILE } from '../shared/content-scripts';
import { sendToBackground } from './channel';
import { GENERIC_LOOK_HOOK, hooked, installCloserLook, loadBookCheck } from './closer-look';
import { extensionApi } from './extension-api';
import { CHAPTERS_HOOK, PAGE_PASS_HOOK, type ChaptersReader, type PagePass } from './generic-hooks';
import { loadExtensionScript } from './script-loader';

const api = () => extensionApi() ?? chrome;
const loadPagePass = () =>
  loadExtensionScript(api(), PAGE_PASS_SCRIPT_FILE, () => sendToBackground('loadGenericPagePass', undefined));

export function provideCloserLook(): void {
  installCloserLook(GENERIC_LOOK_HOOK, async (_, doc, href) => {
    const url = new URL(href);
    const first = detectFromMetadata(doc, url);
    if ('ref' in first) return first.ref;
    const pagePass = await hooked<PagePass>(PAGE_PASS_HOOK, loadPagePass);
    // Without the page pass (an update, a refused injection), the metadata's own reading stands.
    if (!pagePass) return combineReadings(first.readings);
    const { readings, fields } = pagePass(doc, url, first.readings);
    const ref = combineReadings(readings);
    if (!ref || !fields.some((field) => field.field === Field.Contents)) return ref;
    const readChapters = await hooked<ChaptersReader>(CHAPTERS_HOOK, () => loadBookCheck(api()));
    return readChapters ? withChapters(ref, readChapters(fields)) : ref;
  });
}
