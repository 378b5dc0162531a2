/** The JSON-LD reading under the name the site adapters import (lib/detect/signals/schema reads all three forms). */
export { readJsonLd as readJsonLdBook } from './schema';
