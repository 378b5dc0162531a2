/**
 * Every site adapter, one import a line, alphabetical. `detectBook` asks them
 * in this order; the first whose `test` accepts the page decides.
 */
import type { SiteAdapter } from '../types';
import { amazon } from './amazon';
import { barnesAndNoble } from './barnesandnoble';
import { bibliotheca } from './bibliotheca';
import { bookfinder } from './bookfinder';
import { dnb } from './dnb';
import { goodreads } from './goodreads';
import { googleBooks } from './googlebooks';
import { isfdb } from './isfdb';
import { kobo } from './kobo';
import { openLibrary } from './openlibrary';
import { spydus } from './spydus';
import { vufind } from './vufind';

export const SITE_ADAPTERS: SiteAdapter[] = [
  amazon,
  barnesAndNoble,
  bibliotheca,
  bookfinder,
  dnb,
  goodreads,
  googleBooks,
  isfdb,
  kobo,
  openLibrary,
  spydus,
  vufind,
];
