import type { SchemaReaders } from '../base/schema-readers';
import { readJsonLd, readMicrodata } from './schema';

/** The schema.org readers handed to the site adapters that lean on them (lib/detect/base/schema-readers). */
export const SCHEMA_READERS: SchemaReaders = { jsonLd: readJsonLd, microdata: readMicrodata };
