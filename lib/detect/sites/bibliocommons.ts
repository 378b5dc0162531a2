/**
 * BiblioCommons, the catalogue of many North American public libraries, each
 * at `<library>.bibliocommons.com`. A record page (`/v2/record/<id>`) is a
 * React app whose server-rendered HTML carries the store it starts from in
 * one JSON script: `entities.bibs[<id>].briefInfo` holds title, subtitle,
 * authors and format. Where the page holds no ISBN, the record's MARC view
 * (`/v2/record/<id>/originalrecord`, field 020) does: it becomes `recordLink`,
 * and that view is read here too.
 */
import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { isJsonObject, type JsonObject } from '../base/jsonld';
import { marcFieldTexts, marcSubfieldA } from '../base/marc-table';
import { metaContent } from '../base/page';
import { stripResponsibility } from '../base/text';
import type { BookFormat, BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  /** The server-rendered store (`<script type="application/json" data-iso-key="_0">`). */
  store: 'script[data-iso-key="_0"]',
  /** MARC view rows: tag, indicators, then the subfields (`|a 9780… |q (hardcover)`). */
  marcRows: '.bib-item-row',
};

/** `/v2/record/S38C5948493`, optionally `/originalrecord`; searches are `/v2/search`. */
const RECORD_PATH = /^\/v2\/record\/([A-Z0-9]+)(\/originalrecord)?\/?$/i;
/** Format codes of records that are not books (films, music, games, magazines). */
const NOT_A_BOOK = /^(DVD|BLURAY|VIDEO|MUSIC|CD$|VIDEO_GAME|MAG|EMAG|TOY|KIT)/;
/** How deep in a bib the ISBNs are looked for (`identifiers`, `briefInfo`…). */
const MAX_DEPTH = 3;

function formatOf(code: string): BookFormat | undefined {
  if (/^E?AUDIO|^AB$|BOOK_CD/.test(code)) return 'audio';
  if (/^EBOOK/.test(code)) return 'ebook';
  return /^(BK|BOOK|LPRINT|PAPERBACK|GRAPHIC_NOVEL|BOARD_BOOK)$/.test(code) ? 'print' : undefined;
}

/** Values of every `isbn`/`isbns` key within the bib (the store names them per field group). */
function isbnsIn(value: unknown, depth = 0): string[] {
  if (depth > MAX_DEPTH || !isJsonObject(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    if (/^isbns?$/i.test(key)) return [inner].flat().filter((isbn): isbn is string => typeof isbn === 'string');
    return isJsonObject(inner) ? isbnsIn(inner, depth + 1) : [];
  });
}

/** The record's bib from the store; parsed only on record pages, which is where this runs. */
function storeBib(doc: Document, id: string): JsonObject | undefined {
  try {
    const store: unknown = JSON.parse(doc.querySelector(SELECTORS.store)?.textContent ?? '');
    const bibs = isJsonObject(store) && isJsonObject(store['entities']) ? store['entities']['bibs'] : undefined;
    const bib = isJsonObject(bibs) ? bibs[id] : undefined;
    return isJsonObject(bib) ? bib : undefined;
  } catch {
    return undefined;
  }
}

function fromMarcView(doc: Document): BookRef | null {
  const rows = [...doc.querySelectorAll(SELECTORS.marcRows)];
  return buildBookRef({
    site: 'bibliocommons',
    signals: ['site:bibliocommons', 'marc'],
    isbns: marcSubfieldA(rows, '020').flatMap((text) => findIsbnCandidates(text).map((candidate) => candidate.isbn13)),
    title: stripResponsibility(marcFieldTexts(rows, '245')[0] ?? ''),
    authors: marcSubfieldA(rows, '100'),
  });
}

function detect(doc: Document, url: URL): BookRef | null {
  const [, id, marcView] = RECORD_PATH.exec(url.pathname) ?? [];
  if (!id) return null; // search results, lists, the home page
  if (marcView) return fromMarcView(doc);
  const bib = storeBib(doc, id);
  const info = isJsonObject(bib?.['briefInfo']) ? bib['briefInfo'] : {};
  const text = (key: string) => (typeof info[key] === 'string' ? info[key] : '');
  const code = text('format').toUpperCase();
  if (NOT_A_BOOK.test(code)) return null;
  const isbns = isbnsIn(bib);
  const title = [text('title'), text('subtitle')].filter(Boolean).join(': ') || metaContent(doc, 'og:title');
  const authors = [info['authors']].flat().map((author) => (isJsonObject(author) ? author['name'] : author));
  const hasIsbn = isbns.some((isbn) => findIsbnCandidates(isbn).length > 0);
  return buildBookRef({
    site: 'bibliocommons',
    signals: ['site:bibliocommons'],
    isbns,
    title,
    authors: authors.filter((name): name is string => typeof name === 'string'),
    format: formatOf(code),
    recordLink: hasIsbn ? undefined : new URL(`/v2/record/${id}/originalrecord`, url).href,
  });
}

export const bibliocommons: SiteAdapter = {
  id: 'bibliocommons',
  name: 'BiblioCommons',
  // Record pages open in place from search results.
  navigatesInPlace: true,
  matches: ['*://*.bibliocommons.com/*'],
  test: (url) => /(^|\.)bibliocommons\.com$/.test(url.hostname),
  detect,
};

// Page types (written from BiblioCommons' documented markup, no saved record page yet; record ids illustrative):
//   record      https://vpl.bibliocommons.com/v2/record/S38C5948493
//   MARC view   https://vpl.bibliocommons.com/v2/record/S38C5948493/originalrecord
//   search      https://vpl.bibliocommons.com/v2/search?query=andy+weir&searchType=smart
// Checked against a real page: willnewton10/tpl-reviews test/data/vpl.html (search fragment, 2015). No saved
// record page found; the store script[type=application/json][data-iso-key="_0"] with its entities is what
// public BiblioCommons clients read.
