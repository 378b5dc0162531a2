// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { emptyReading, formatFromWord, isNotBookWord } from '../../../lib/detect/signals/reading';
import { realPage } from './pages';

describe('signal readings', () => {
  it('start empty: no ISBN, no verdict', () => {
    expect(emptyReading('og')).toEqual({ signal: 'og', isbns: [], authors: [], isBook: false, isList: false });
  });

  it('turn format words into print, ebook or audio', () => {
    expect(formatFromWord('https://schema.org/EBook')).toBe('ebook');
    expect(formatFromWord('Kindle Edition')).toBe('ebook');
    expect(formatFromWord('Hörbuch')).toBe('audio');
    expect(formatFromWord('Taschenbuch')).toBe('print');
    expect(formatFromWord('平装')).toBe('print');
    expect(formatFromWord('Relié')).toBe('print');
    expect(formatFromWord('Signed')).toBeUndefined();
  });

  it('know periodicals, films, music, games and maps are not books', () => {
    for (const word of [
      'Zeitschrift',
      'Periodical',
      'DVD',
      'Blu-ray',
      'Musik-CD',
      'Brettspiel',
      'Landkarte',
      'Software',
    ]) {
      expect(isNotBookWord(word, true), word).toBe(true);
    }
  });

  it('keep audiobooks, radio plays and ebooks with an ISBN books', () => {
    for (const word of ['Hörspiel-CD', 'Hörbuch', 'Audiobook on CD', 'E-Book', 'Hörspiel auf DVD']) {
      expect(isNotBookWord(word, true), word).toBe(false);
    }
  });

  it('count a bare CD as not a book only when no ISBN was found', () => {
    expect(isNotBookWord('CD', false)).toBe(true);
    expect(isNotBookWord('CD', true)).toBe(false);
    expect(isNotBookWord('Paperback', false)).toBe(false);
  });

  it('read the real SISIS music CD record’s extent (“3 CDs”, no ISBN) as not a book', () => {
    const { doc } = realPage('library-sisis/negative-bremen-music-cd.html');
    const extent = [...doc.querySelectorAll('strong')].find((label) => label.textContent?.trim() === 'Umfang:');
    const value = (extent?.nextSibling?.nodeValue ?? '').trim();
    expect(value).toBe('3 CDs');
    expect(isNotBookWord(value, false)).toBe(true);
  });
});
