/**
 * The JSON-LD reading of a book page (lib/detect/signals/schema reads all
 * three forms; site adapters get it as `schema.jsonLd`).
 */
export { readJsonLd as readJsonLdBook } from './schema';
