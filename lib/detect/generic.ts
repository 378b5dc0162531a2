/**
 * Generic signals: the metadata conventions hundreds of catalogues and shops
 * share, and the labelled fields the rest print. Used for pages no adapter
 * claims or an adapter cannot read, and by adapters as a base.
 */
import { buildBookRef } from './base/bookref';
import { indexMetas, metaContent } from './base/page';
import { readCoins } from './signals/coins';
import { readLabels, type LabelReading } from './signals/labels';
import { readCitation, readDublinCore, readOpenGraph } from './signals/meta';
import type { SignalReading } from './signals/reading';
import { readJsonLd, readMicrodata, readRdfa } from './signals/schema';
import { readChapters } from './signals/toc';
import { readUnapi } from './signals/unapi';
import { isNotOneBookUrl, readUrlIsbn } from './signals/url';
import { cleanText, textOf } from './base/text';
import type { BookRef } from './base/types';

/** Every generic metadata reading, strongest first (the labelled fields are read separately: they cost a page walk). */
export function readGenericSignals(doc: Document, url: URL): SignalReading[] {
  const metas = indexMetas(doc);
  return [
    readJsonLd(doc),
    readMicrodata(doc),
    readRdfa(doc),
    readOpenGraph(metas),
    readCitation(metas),
    readDublinCore(metas),
    readCoins(doc),
    readUnapi(doc, url),
    readUrlIsbn(url),
  ];
}

/** The text of a heading without what it holds besides the title (a byline list, a binding, a date). */
function headingText(heading: Element): string {
  const own = [...heading.childNodes].some((node) => node.nodeType === 3 && node.nodeValue?.trim());
  const first = [...heading.children].find((child) => textOf(child));
  return own || !first ? textOf(heading) : textOf(first);
}

/**
 * The page's title heading: the `h1` the page's `<title>` names, else the
 * last `h1` before the record's ISBN label, else the first `h1` with text.
 */
function pageHeading(doc: Document, anchor?: Element): Element | undefined {
  const headings = [...doc.getElementsByTagName('h1')].filter((h1) => headingText(h1));
  const named = cleanText(doc.title).toLowerCase();
  const before = anchor ? headings.filter((h1) => h1.compareDocumentPosition(anchor) & 4) : [];
  return headings.find((h1) => named.includes(headingText(h1).toLowerCase())) ?? before.at(-1) ?? headings[0];
}

/** Links to an author page, a rel/itemprop author or inside an "author" element. */
const AUTHOR_LINK =
  /[/?&=_.-](?:authors?|auteurs?|autor(?:es|en)?|autore|autori|writers?|schrijver|verfasser|zuozhe|creators?|contributors?)(?:[/?&=_.\d-]|$)/i;

/** Link text that reads as a name: every Latin word capitalised but the particles (de, van, von…). */
const NAME_WORD =
  /^(?:\P{Ll}\S*|de|del|della|der|den|des|di|du|da|dos|das|la|le|van|von|ten|ter|y|e|et|bin|ibn|al|zu)$/u;
function isNameLike(text: string): boolean {
  const words = text.split(' ');
  return words.length <= 5 && !/[\d:?!@]/.test(text) && words.every((word) => NAME_WORD.test(word));
}

/** Author links around the title heading (in it, then up to three levels out): the byline. */
function authorLinks(heading: Element): string[] {
  const title = headingText(heading);
  let scope: Element | null = heading;
  for (let level = 0; scope && level < 4; level++, scope = scope.parentElement) {
    const names = [...scope.querySelectorAll('a[href]')]
      .filter(
        (link) =>
          /author/i.test(`${link.getAttribute('rel')} ${link.getAttribute('itemprop')}`) ||
          AUTHOR_LINK.test(link.getAttribute('href') ?? '') ||
          link.closest('[class*="author" i]'),
      )
      .map((link) => textOf(link))
      .filter((name) => isNameLike(name) && name !== title);
    if (names.length > 0) return names;
  }
  return [];
}

/** A page title without the site's name after it ("Title - Author - Babelio"). */
function withoutSiteName(title: string, doc: Document, url: URL): string {
  const site = metaContent(doc.head ?? doc, 'og:site_name') || url.hostname.replace(/^www\./, '').split('.')[0]!;
  return cleanText(title.replace(new RegExp(`\\s*[|–—:-]\\s*[^|–—:-]*${site.replace(/\W/g, '.')}[^|–—:-]*$`, 'i'), ''));
}

/**
 * Combines readings: any list or non-book signal → null. ISBNs come from the
 * strongest signal that has any (signals are not merged: a page's metadata
 * may describe different editions), title and authors likewise. The page
 * must show book evidence: a book-typed signal or an ISBN from page metadata
 * (a URL ISBN alone is not enough).
 */
export function combineReadings(doc: Document, readings: SignalReading[], site = 'generic'): BookRef | null {
  if (readings.some((reading) => reading.isList || reading.notBook)) return null;
  const withIsbn = readings.find(
    (reading) => reading.isbns.length > 0 && buildBookRef({ site, signals: [], isbns: reading.isbns }) !== null,
  );
  const isBook = readings.some((reading) => reading.isBook) || (withIsbn !== undefined && withIsbn.signal !== 'url');
  if (!isBook) return null;
  const withTitle = readings.find((reading) => reading.title);
  const withAuthors = readings.find((reading) => reading.authors.length > 0);
  const withFormat = readings.find((reading) => reading.format);
  const withLink = readings.find((reading) => reading.recordLink);
  const used = [withIsbn, withTitle, withAuthors, withFormat, withLink].filter((reading) => reading !== undefined);
  return buildBookRef({
    site,
    signals: used.map((reading) => reading.signal),
    isbns: withIsbn?.isbns ?? [],
    title: withTitle?.title,
    authors: withAuthors?.authors ?? [],
    format: withFormat?.format,
    recordLink: withLink?.recordLink,
  });
}

/** True when structured metadata alone names the book fully: no page walk needed. */
function complete(readings: SignalReading[]): boolean {
  return readings.some(
    (reading) => reading.isBook && reading.isbns.length > 0 && reading.title && reading.authors.length,
  );
}

export function detectGeneric(doc: Document, url: URL): BookRef | null {
  if (isNotOneBookUrl(url)) return null;
  const readings = readGenericSignals(doc, url);
  let labels: LabelReading | undefined;
  if (!complete(readings)) {
    labels = readLabels(doc, url, readings.find((reading) => reading.anchor)?.anchor);
    readings.splice(-2, 0, labels);
  }
  const heading = pageHeading(doc, labels?.anchor);
  const fallback: SignalReading = {
    signal: 'heading',
    isbns: [],
    authors: heading && labels?.anchor ? authorLinks(heading) : [],
    isBook: false,
    isList: false,
    title: heading
      ? headingText(heading)
      : withoutSiteName(metaContent(doc.head ?? doc, 'og:title') || cleanText(doc.title), doc, url),
  };
  const ref = combineReadings(doc, [...readings, fallback]);
  if (!ref) return null;
  const chapters = readChapters(labels?.fields ?? []);
  if (chapters.length > 0) ref.chapters = chapters;
  return ref;
}
