/**
 * The microdata reading of a book page (lib/detect/signals/schema reads all
 * three forms; site adapters get it as `schema.microdata`).
 */
export { readMicrodata as readMicrodataBook } from './schema';
