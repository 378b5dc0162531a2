/**
 * Every site adapter, one import a line, alphabetical. `detectBook` asks them
 * in this order; the first whose `test` accepts the page decides.
 */
import type { SiteAdapter } from '../base/types';
import { abebooks } from './abebooks';
import { amazon } from './amazon';
import { aspen } from './aspen';
import { babelio } from './babelio';
import { barnesAndNoble } from './barnesandnoble';
import { bedetheque } from './bedetheque';
import { betterWorldBooks } from './betterworldbooks';
import { bibliocommons } from './bibliocommons';
import { bibliotheca } from './bibliotheca';
import { blacklight } from './blacklight';
import { blackwells } from './blackwells';
import { bol } from './bol';
import { bookfinder } from './bookfinder';
import { booksAMillion } from './booksamillion';
import { bookshop } from './bookshop';
import { booktopia } from './booktopia';
import { dnb } from './dnb';
import { douban } from './douban';
import { evergreen } from './evergreen';
import { fnac } from './fnac';
import { foyles } from './foyles';
import { goodreads } from './goodreads';
import { googleBooks } from './googlebooks';
import { indigo } from './indigo';
import { isfdb } from './isfdb';
import { kobo } from './kobo';
import { koha } from './koha';
import { librarything } from './librarything';
import { openLibrary } from './openlibrary';
import { overdrive } from './overdrive';
import { polaris } from './polaris';
import { powells } from './powells';
import { primo } from './primo';
import { sierra } from './sierra';
import { sisis } from './sisis';
import { spydus } from './spydus';
import { storygraph } from './storygraph';
import { thalia } from './thalia';
import { thriftbooks } from './thriftbooks';
import { vega } from './vega';
import { vufind } from './vufind';
import { waterstones } from './waterstones';
import { worldcat } from './worldcat';

export const SITE_ADAPTERS: SiteAdapter[] = [
  abebooks,
  amazon,
  aspen,
  babelio,
  barnesAndNoble,
  bedetheque,
  betterWorldBooks,
  bibliocommons,
  bibliotheca,
  blacklight,
  blackwells,
  bol,
  bookfinder,
  booksAMillion,
  bookshop,
  booktopia,
  dnb,
  douban,
  evergreen,
  fnac,
  foyles,
  goodreads,
  googleBooks,
  indigo,
  isfdb,
  kobo,
  koha,
  librarything,
  openLibrary,
  overdrive,
  polaris,
  powells,
  primo,
  sierra,
  sisis,
  spydus,
  storygraph,
  thalia,
  thriftbooks,
  vega,
  vufind,
  waterstones,
  worldcat,
];
