import { describe, expect, it } from 'vitest';
import { chaptersFromContentsNote, chaptersFromEntries, parseContentsEntry } from '../../lib/detect/base/contents-note';

describe('chaptersFromContentsNote (MARC 505)', () => {
  it('splits on -- and drops statements of responsibility', () => {
    const note = 'The Mower / Philip Larkin -- Aubade / Philip Larkin -- Church going / Philip Larkin.';
    expect(chaptersFromContentsNote(note)).toEqual([
      { level: 1, title: 'The Mower' },
      { level: 1, title: 'Aubade' },
      { level: 1, title: 'Church going' },
    ]);
  });

  it('reads chapter labels and page numbers', () => {
    expect(chaptersFromContentsNote('Chapter 1. An unexpected party (p. 3) -- Chapter 2: Roast mutton p. 29')).toEqual([
      { level: 1, label: 'Chapter 1', title: 'An unexpected party', page: '3' },
      { level: 1, label: 'Chapter 2', title: 'Roast mutton', page: '29' },
    ]);
  });

  it('nests chapters under the part that precedes them', () => {
    const chapters = chaptersFromContentsNote(
      'Part I. Origins -- 1. Seeds -- 2. Roots -- Part II. Growth -- 3. Leaves',
    );
    expect(chapters.map((c) => [c.level, c.label, c.title])).toEqual([
      [1, 'Part I', 'Origins'],
      [2, '1', 'Seeds'],
      [2, '2', 'Roots'],
      [1, 'Part II', 'Growth'],
      [2, '3', 'Leaves'],
    ]);
  });

  it('keeps a bare number-like word that has no punctuation as part of the title', () => {
    expect(parseContentsEntry('I am a cat')).toEqual({ level: 1, title: 'I am a cat' });
    expect(parseContentsEntry('IV. The return')).toEqual({ level: 1, label: 'IV', title: 'The return' });
  });

  it('strips a leading "Contents:" label and ignores empty entries', () => {
    expect(chaptersFromContentsNote('Contents: Introduction -- -- Epilogue')).toEqual([
      { level: 1, title: 'Introduction' },
      { level: 1, title: 'Epilogue' },
    ]);
    expect(chaptersFromContentsNote('')).toEqual([]);
  });

  it('reads one entry per element from a rendered list', () => {
    expect(chaptersFromEntries(['Chapter One The Boy Who Lived', '', 'Chapter Two: The Vanishing Glass'])).toEqual([
      { level: 1, label: 'Chapter One', title: 'The Boy Who Lived' },
      { level: 1, label: 'Chapter Two', title: 'The Vanishing Glass' },
    ]);
  });
});

describe('part headings that carry their first chapter', () => {
  it('splits "Part one: Title. First chapter" into the part and a nested chapter', () => {
    const chapters = chaptersFromContentsNote(
      'Part one: The cognitive revolution. An animal of no significance -- The tree of knowledge',
    );
    expect(chapters).toEqual([
      { level: 1, label: 'Part one', title: 'The cognitive revolution' },
      { level: 2, title: 'An animal of no significance' },
      { level: 2, title: 'The tree of knowledge' },
    ]);
  });
});
