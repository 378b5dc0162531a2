/**
 * What the generic signals' scripts leave for one another in a frame's
 * content-script world (the page cannot see it): the page pass
 * (`page-pass.js`), and the chapters reader the book check carries
 * (`book-check.js`). The metadata pass (`closer-look.js`) loads and uses them
 * (closer-look-script.ts).
 */
import type { Chapter } from '../detect/base/types';
import type { LabelledField } from '../detect/signals/field-kinds';
import type { SignalReading } from '../detect/signals/reading';

export const PAGE_PASS_HOOK = '__booksidePagePass';
export const CHAPTERS_HOOK = '__booksideChapters';

export type PagePass = (
  doc: Document,
  url: URL,
  readings: SignalReading[],
) => { readings: SignalReading[]; fields: LabelledField[] };
export type ChaptersReader = (fields: LabelledField[]) => Chapter[];

/** Where the page-pass and book-check scripts leave them (read with `hooked`, closer-look.ts). */
export const genericHooks = globalThis as { [PAGE_PASS_HOOK]?: PagePass; [CHAPTERS_HOOK]?: ChaptersReader };
