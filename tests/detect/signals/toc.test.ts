// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { contentsHeadings } from '../../../lib/detect/signals/field-kinds';
import { labelledFields } from '../../../lib/detect/signals/labels';
import { linesOf, readChapters } from '../../../lib/detect/signals/toc';
import { htmlPage, realPage } from './pages';

const chaptersOf = (doc: Document) => readChapters([...contentsHeadings(doc), ...labelledFields(doc)]);
const titles = (doc: Document) => chaptersOf(doc).map((chapter) => chapter.title);

describe('a printed contents list', () => {
  it('takes the contents headings in page order, whatever their level', () => {
    const doc = htmlPage(`<h4>Contents</h4><p>x</p><h2>Inhalt</h2><p>y</p><h3>Sommaire</h3>`);
    expect(contentsHeadings(doc).map((field) => field.el.textContent)).toEqual(['Contents', 'Inhalt', 'Sommaire']);
  });

  it('takes a heading as the page writes it: spread over lines and elements, numbered, with a colon', () => {
    const doc = htmlPage(
      `<h2>\n  <span>Table of</span>\n\t<b>contents</b>\n</h2><h3>\u200e2. Inhalt :</h3><h3>Contented cows</h3><h4>Tables</h4>`,
    );
    expect(contentsHeadings(doc).map((field) => field.el.localName)).toEqual(['h2', 'h3']);
  });

  it('strips dotted leaders and the page numbers after them', () => {
    const doc = htmlPage(`<h2>Table of contents</h2>
      <ul><li>Arrival .......... 1</li><li>The harbour · · · · 23</li><li>Departure …… xi</li></ul>`);
    expect(titles(doc)).toEqual(['Arrival', 'The harbour', 'Departure']);
  });

  it('strips a page-number column when most lines end in one, and keeps numbers that belong to titles', () => {
    const numbered = htmlPage(`<h3>Contents</h3><div>Arrival 1<br>The harbour 23<br>Departure 41</div>`);
    expect(titles(numbered)).toEqual(['Arrival', 'The harbour', 'Departure']);
    const titled = htmlPage(`<h3>Contents</h3><div>Arrival<br>Catch 22<br>Departure</div>`);
    expect(titles(titled)).toEqual(['Arrival', 'Catch 22', 'Departure']);
  });

  it('keeps part headings as such, with their chapters nested under them', () => {
    const doc = htmlPage(`<h2>Inhaltsverzeichnis</h2>
      <ol><li>Teil 1: Ankunft</li><li>Der Hafen</li><li>Teil 2: Abschied</li><li>Die Reise</li></ol>`);
    expect(chaptersOf(doc)).toEqual([
      { level: 1, label: 'Teil 1', title: 'Ankunft' },
      { level: 2, title: 'Der Hafen' },
      { level: 1, label: 'Teil 2', title: 'Abschied' },
      { level: 2, title: 'Die Reise' },
    ]);
  });

  it('reads the full list a page keeps hidden behind “more”, not the short one shown', () => {
    const doc = htmlPage(`<h2>目录</h2>
      <div class="indent">第一章<br>第二章<br><a href="javascript:void(0)">更多</a></div>
      <div class="indent" style="display:none">第一章<br>第二章<br>第三章<br>第四章<br><a href="javascript:void(0)">收起</a></div>`);
    expect(titles(doc)).toEqual(['第一章', '第二章', '第三章', '第四章']);
  });

  it('cuts ISFDB entries to their title, with or without a page number first', () => {
    const doc = htmlPage(`<h2>Contents</h2><ul>
      <li>7 • <a href="/t/1">Mort</a> • (1987) • novel by Terry Pratchett</li>
      <li><a href="/t/2">Afterword</a> • (2015) • essay by Rob Wilkins</li></ul>`);
    expect(titles(doc)).toEqual(['Mort', 'Afterword']);
  });

  it('splits a catalogue contents note (MARC 505) at its “--” separators', () => {
    const doc = htmlPage(
      `<table><tr><th>Contents</th><td>Introduction -- Sit at the table -- Success and likeability / S. Sandberg</td></tr></table>`,
    );
    expect(titles(doc)).toEqual(['Introduction', 'Sit at the table', 'Success and likeability']);
  });

  it('does not take a block of product fields under a contents heading for chapters', () => {
    const doc = htmlPage(`<h3>Inhoud</h3>
      <dl><div><dt>Taal</dt><dd>nl</dd></div><div><dt>Bindwijze</dt><dd>Paperback</dd></div></dl>`);
    expect(chaptersOf(doc)).toEqual([]);
  });

  it('gives nothing for a one-line section or a page without a contents heading', () => {
    expect(chaptersOf(htmlPage(`<h2>Contents</h2><p>Only one line</p>`))).toEqual([]);
    expect(chaptersOf(htmlPage(`<h2>Description</h2><ul><li>One</li><li>Two</li></ul>`))).toEqual([]);
  });

  it('leaves scripts and buttons out of a section’s lines', () => {
    const section = htmlPage(`<div>One<script>var x = 1;</script><br><button>More</button>Two</div>`).querySelector(
      'div',
    )!;
    expect(linesOf(section)).toEqual(['One', 'Two']);
  });
});

describe('contents lists on real saved pages', () => {
  it('reads all 29 entries of Douban’s 目录 in page order, parts kept', () => {
    const { doc, entry } = realPage('douban/seventh-hypothesis-zh.html');
    const expected = (entry.expected as unknown as { chapters: string[] }).chapters;
    const chapters = chaptersOf(doc);
    expect(chapters.map((chapter) => [chapter.label, chapter.title].filter(Boolean).join(' '))).toEqual(expected);
    expect(chapters.filter((chapter) => chapter.level === 1).map((chapter) => chapter.title)).toEqual(
      expected.filter((line) => line.startsWith('第')),
    );
  });

  it('reads ISFDB’s Contents as titles only', () => {
    const { doc } = realPage('isfdb/shepherds-crown-ebook.html');
    expect(titles(doc)).toEqual(["The Shepherd's Crown", "Afterword (The Shepherd's Crown)"]);
  });

  it('finds no chapters in Bol.com’s “Inhoud” product fields', () => {
    const { doc } = realPage('bol/europa-garton-ash.html');
    expect(chaptersOf(doc)).toEqual([]);
  });

  it('reads the WorldCat record’s contents note', () => {
    const { doc } = realPage('worldcat/lean-in-2016-escaped.html');
    const chapters = chaptersOf(doc);
    expect(chapters.length).toBe(13);
    expect(chapters[0]?.title).toBe('Introduction: Internalizing the revolution');
  });
});
