/** The microdata reading under the name the site adapters import (lib/detect/signals/schema reads all three forms). */
export { readMicrodata as readMicrodataBook } from './schema';
