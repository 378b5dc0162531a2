/**
 * Where the built content scripts are, as the build writes them
 * (modules/site-content-scripts.ts) and the background injects or registers
 * them: one place, so the two cannot disagree.
 */
export const CONTENT_SCRIPTS_DIR = 'content-scripts';
/** Library platforms on any host, registered once the reader turns on "any site". */
export const ANY_SITE_SCRIPT_NAME = 'any-site';
/** The any-site script's library-platform adapters, injected into a frame one of their tests accepts. */
export const PLATFORMS_SCRIPT_NAME = 'platforms';
/** The check of a book a site adapter read, loaded into its frame (with the schema.org readers). */
export const BOOK_CHECK_SCRIPT_NAME = 'book-check';
/** The generic signals, loaded into a frame whose first look found no adapter's book but asks for them. */
export const CLOSER_LOOK_SCRIPT_NAME = 'closer-look';
/** The generic signals' page pass (labelled fields, the title heading), loaded where the metadata falls short. */
export const PAGE_PASS_SCRIPT_NAME = 'page-pass';
/** Showing the sidebar, the shortcut and quiet mode: loaded into a frame once its page agent found a book. */
export const SIDEBAR_CONTROLS_SCRIPT_NAME = 'sidebar-controls';

export const ANY_SITE_SCRIPT_FILE = `${CONTENT_SCRIPTS_DIR}/${ANY_SITE_SCRIPT_NAME}.js`;
export const BOOK_CHECK_SCRIPT_FILE = `${CONTENT_SCRIPTS_DIR}/${BOOK_CHECK_SCRIPT_NAME}.js`;
export const CLOSER_LOOK_SCRIPT_FILE = `${CONTENT_SCRIPTS_DIR}/${CLOSER_LOOK_SCRIPT_NAME}.js`;
export const PAGE_PASS_SCRIPT_FILE = `${CONTENT_SCRIPTS_DIR}/${PAGE_PASS_SCRIPT_NAME}.js`;
export const PLATFORMS_SCRIPT_FILE = `${CONTENT_SCRIPTS_DIR}/${PLATFORMS_SCRIPT_NAME}.js`;
export const SIDEBAR_CONTROLS_SCRIPT_FILE = `${CONTENT_SCRIPTS_DIR}/${SIDEBAR_CONTROLS_SCRIPT_NAME}.js`;
/** The scripts the background may inject into a frame that asks (never one the frame names). */
export type InjectedScriptFile =
  | typeof BOOK_CHECK_SCRIPT_FILE
  | typeof CLOSER_LOOK_SCRIPT_FILE
  | typeof PAGE_PASS_SCRIPT_FILE
  | typeof PLATFORMS_SCRIPT_FILE
  | typeof SIDEBAR_CONTROLS_SCRIPT_FILE;
