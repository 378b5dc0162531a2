/**
 * The contents list a page prints: a "Table of contents" / 目录 / Inhalt
 * section under its heading (Douban keeps the full list in a hidden block
 * behind "更多", so the longest of the blocks after the heading is read), or
 * a catalogue's contents note ("Contents: A -- B -- C", MARC 505).
 */
import { chaptersFromContentsNote, chaptersFromEntries } from '../base/contents-note';
import { cleanText } from '../base/text';
import type { Chapter } from '../base/types';
import { Field, type LabelledField } from './field-kinds';

/** Elements that end a line of text. */
const BLOCK = /^(?:p|div|li|ul|ol|tr|table|tbody|dd|dt|dl|h[1-6]|section|br)$/;
/** A TOC shows this many entries at most; more is not a contents list. */
const MAX_LINES = 400;

/** The element's text as lines: one per `<br>`, list item or block; script and "more/less" toggles left out. */
export function linesOf(root: Element): string[] {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const text = cleanText(line);
    if (text) lines.push(text);
    line = '';
  };
  const visit = (node: Node) => {
    for (let child = node.firstChild; child && lines.length < MAX_LINES; child = child.nextSibling) {
      if (child.nodeType === 3) line += child.nodeValue;
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      if (/^(?:script|style|button)$/.test(el.localName) || /^javascript:/i.test(el.getAttribute('href') ?? '')) {
        continue;
      }
      const block = BLOCK.test(el.localName);
      if (block) flush();
      visit(el);
      if (block) flush();
    }
  };
  visit(root);
  flush();
  return lines;
}

/**
 * One printed TOC line as an entry: dot leaders and the page number after
 * them dropped, ISFDB's "page • title • …" cut to its title.
 */
function entryOf(line: string, pages: boolean): string {
  // ISFDB: "page • title • type • (year) • by …", the page number only when the edition prints one.
  const parts = line.split(/\s+•\s+/);
  const title = parts.length > 1 && /^[\divxlc]+$/i.test(parts[0]!) ? parts[1]! : parts[0]!;
  return cleanText(
    title
      // A 505 note printed one entry a line keeps its "--" separators at the line ends.
      .replace(/\s*--$/, '')
      // Dot leaders: three dots or more, or two ellipses (the Chinese ……).
      .replace(/\s*(?:(?:[.·…_]\s*){3,}|(?:…\s*){2,})[\divxlc]*$/i, '')
      .replace(pages ? /\s+\d{1,4}$/ : /$^/, ''),
  ).replace(/^[^\p{L}\d]+$/u, '');
}

/** The lines of the blocks after a heading: of its run of like siblings, the one with most lines. */
function sectionLines(heading: Node): string[] {
  let best: string[] = [];
  const first = (heading as Element).nextElementSibling;
  for (
    let el = first;
    el && el.localName === first?.localName && el.className === first.className;
    el = el.nextElementSibling
  ) {
    // A definition list is a block of fields (bol.com's "Inhoud": Taal, Bindwijze…), not a contents list.
    if (el.localName === 'dl' || el.querySelector('dt')) continue;
    const lines = linesOf(el);
    if (lines.length > best.length) best = lines;
  }
  return best;
}

/** The chapters of the first contents field that lists two or more; [] when none does. */
export function readChapters(fields: LabelledField[]): Chapter[] {
  for (const field of fields) {
    if (field.field !== Field.Contents) continue;
    const heading = field.el.closest('h1,h2,h3,h4,h5,h6');
    let lines = sectionLines(field.at);
    if (heading && lines.length < 2) lines = sectionLines(heading);
    // Most lines ending in a number: that column is page numbers.
    const pages = lines.filter((line) => /\s\d{1,4}$/.test(line)).length * 3 >= lines.length * 2;
    const chapters =
      lines.length > 1
        ? chaptersFromEntries(lines.map((line) => entryOf(line, pages)))
        : chaptersFromContentsNote(lines[0] ?? field.text);
    if (chapters.length > 1) return chapters;
  }
  return [];
}
