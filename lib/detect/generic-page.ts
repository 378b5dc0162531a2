/**
 * The generic signals' page pass, for a page whose metadata does not name its
 * book fully: the labelled fields it prints ("ISBN:", "Auteur :"), its title
 * heading and the author links beside it. Apart from the metadata pass
 * (generic.ts) because it walks the page's text and carries every label word
 * of every language, which most pages never need; in pages it is a script of
 * its own (lib/content/page-pass-script.ts). It only reads: the caller
 * combines the readings (generic-combine.ts) and reads the chapters of a
 * contents field (signals/toc.ts), as the metadata pass's script and the
 * book check carry those already.
 */
import { metaContent } from './base/page';
import { cleanText, textOf } from './base/text';
import type { LabelledField } from './signals/field-kinds';
import { readLabels } from './signals/labels';
import type { SignalReading } from './signals/reading';

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
 * The page pass over the metadata pass's `readings` (strongest first): the
 * labelled fields go in before the address and unAPI readings, the page's
 * title heading last, as a fallback. `fields`: every labelled field found,
 * for the chapters of a contents field among them.
 */
export function readPage(
  doc: Document,
  url: URL,
  readings: SignalReading[],
): { readings: SignalReading[]; fields: LabelledField[] } {
  const labels = readLabels(doc, url, readings.find((reading) => reading.anchor)?.anchor);
  const all = [...readings];
  all.splice(-2, 0, labels);
  const heading = pageHeading(doc, labels.anchor);
  const fallback: SignalReading = {
    signal: 'heading',
    isbns: [],
    authors: heading && labels.anchor ? authorLinks(heading) : [],
    isBook: false,
    isList: false,
    title: heading
      ? headingText(heading)
      : withoutSiteName(metaContent(doc.head ?? doc, 'og:title') || cleanText(doc.title), doc, url),
  };
  return { readings: [...all, fallback], fields: labels.fields };
}
