/**
 * Every site adapter, one import a line, alphabetical. `detectBook` asks them
 * in this order; the first whose `test` accepts the page decides.
 */
import type { SiteAdapter } from '../types';
import { amazon } from './amazon';
import { goodreads } from './goodreads';

export const SITE_ADAPTERS: SiteAdapter[] = [
  amazon,
  goodreads,
];
