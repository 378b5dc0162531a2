/**
 * Chapter lists from what catalogues print: the MARC 505 formatted contents
 * note ("Part one. Arrival -- 1. The harbour / J. Smith -- 2. …") and plain
 * table-of-contents lists. Pure text in, `Chapter[]` out.
 */
import type { Chapter } from './types';
import { cleanText } from './text';

/** 505 entries are separated by ` -- `; some catalogues print `--` without spaces, or an en dash pair. */
const ENTRY_SEPARATOR = /\s*(?:--|\u2013\u2013|\u2014)\s*/;
/** `Chapter 3.`, `Part II:`, `Book One`, `Kapitel 4` at the start of an entry. */
const WORD_LABEL =
  /^((?:chapter|chap\.|part|book|section|kapitel|teil|chapitre|partie|hoofdstuk|deel)\s+(?:[\dIVXLC]+|one|two|three|four|five|six|seven|eight|nine|ten))(?:[.:)]\s*|\s+)(?=\S)/i;
/** `1.`, `12)`, `IV.` — a bare number needs its punctuation, or "I am" would lose its "I". */
const NUMBER_LABEL = /^(\d{1,3}|[IVXLC]{1,6})[.:)]\s*(?=\S)/;
/** Trailing page numbers: `(p. 23)`, `p. 23`, `, 23`. */
const TRAILING_PAGE = /\s*(?:\(p(?:p|age)?\.?\s*([\divxlc]+)\)|[,(]?\s*p\.\s*([\divxlc]+)\)?)\s*$/i;
/** A statement of responsibility after the title (`/ Jane Doe`). */
const RESPONSIBILITY = /\s+\/\s+.*$/;
/** Labels that name a part, under which the following chapters sit one level deeper. */
const PART_LABEL = /^(?:part|book|teil|partie|deel)\b/i;
/** A part heading written into the title: 第一部分, 第2部, 第三卷, 第一篇. */
const CJK_PART = /^第[\d一二三四五六七八九十百零〇]+(?:部分?|卷|篇|編|编)/;
/** A part title, then `. ` and a capitalised first chapter title. */
const PART_AND_FIRST_CHAPTER = /^(.+?)\.\s+(\p{Lu}.*)$/u;
/** More entries than this is not a contents note but a runaway split. */
const MAX_ENTRIES = 400;

/** One contents entry: label, title and page split apart. */
export function parseContentsEntry(raw: string, level = 1): Chapter | null {
  let text = cleanText(raw).replace(/^(?:contents|formatted contents note|inhalt|table of contents)\s*:\s*/i, '');
  let page: string | undefined;
  const pageMatch = TRAILING_PAGE.exec(text);
  if (pageMatch) {
    page = pageMatch[1] ?? pageMatch[2];
    text = text.slice(0, pageMatch.index);
  }
  text = text
    .replace(RESPONSIBILITY, '')
    .replace(/\s*[.;,]+$/, '')
    .trim();
  let label: string | undefined;
  const labelMatch = WORD_LABEL.exec(text) ?? NUMBER_LABEL.exec(text);
  if (labelMatch?.[1]) {
    label = labelMatch[1];
    text = text.slice(labelMatch[0].length).trim();
  }
  if (!text) {
    // An entry that is only a label ("Chapter 1") keeps the label as its title.
    if (!label) return null;
    text = label;
    label = undefined;
  }
  const chapter: Chapter = { level, title: text };
  if (label) chapter.label = label;
  if (page) chapter.page = page;
  return chapter;
}

/**
 * Entries as chapters, in order. Entries after a part ("Part …", 第…部分)
 * are nested one level under it, as the printed book nests them.
 */
function nestParts(entries: Iterable<string>): Chapter[] {
  const chapters: Chapter[] = [];
  let insidePart = false;
  for (const entry of entries) {
    const chapter = parseContentsEntry(entry);
    if (!chapter) continue;
    if (chapters.length >= MAX_ENTRIES) break;
    const isPart = PART_LABEL.test(chapter.label ?? '') || CJK_PART.test(chapter.title);
    if (!isPart) {
      if (insidePart) chapter.level = 2;
      chapters.push(chapter);
      continue;
    }
    insidePart = true;
    // "Part one: The cognitive revolution. An animal of no significance": the
    // part's own title and its first chapter share one 505 entry.
    const split = chapter.label ? PART_AND_FIRST_CHAPTER.exec(chapter.title) : null;
    if (split?.[1] && split[2]) {
      chapters.push({ ...chapter, title: split[1] }, { level: 2, title: split[2] });
    } else chapters.push(chapter);
  }
  return chapters;
}

/** A formatted contents note (MARC 505) split into chapters, parts nesting theirs. */
export function chaptersFromContentsNote(note: string): Chapter[] {
  return nestParts(cleanText(note).split(ENTRY_SEPARATOR).slice(0, MAX_ENTRIES));
}

/** Chapters from a list the page renders one entry per element (a TOC `<ul>`, lines of a section). */
export function chaptersFromEntries(entries: Iterable<string>): Chapter[] {
  return nestParts(entries);
}

/** Chapters from an adapter's `contents`: several entries as listed, one as a contents note to split. */
export function chaptersFromContents(contents: string[]): Chapter[] {
  return contents.length > 1 ? chaptersFromEntries(contents) : chaptersFromContentsNote(contents[0] ?? '');
}
