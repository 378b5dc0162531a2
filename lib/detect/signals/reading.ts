import type { BookFormat, Signal } from '../base/types';

/** What one generic signal says about the page, before signals are combined. */
export interface SignalReading {
  signal: Signal;
  /** ISBNs as written; the combiner normalises them. */
  isbns: string[];
  title?: string;
  authors: string[];
  format?: BookFormat;
  /** The signal itself says "this page is a book" (og:type book, a Book node). */
  isBook: boolean;
  /** The signal says "this page lists several books" — the page gives no BookRef. */
  isList: boolean;
  /** The signal says the page's item is not a book (a CD, DVD, game, map or periodical record). */
  notBook?: boolean;
  recordLink?: string;
  /** The element the book's record is in (a microdata or RDFa scope), when the signal knows it. */
  anchor?: Element;
}

export function emptyReading(signal: Signal): SignalReading {
  return { signal, isbns: [], authors: [], isBook: false, isList: false };
}

/** schema.org `bookFormat` values and Open Graph/Dublin Core/catalogue format words → our three formats. */
export function formatFromWord(word: string): BookFormat | undefined {
  const bare = word.replace(/^.*[/#:]/, '').toLowerCase();
  if (/ebook|e-book|kindle|epub|digital|电子书|電子書籍|전자책/.test(bare)) return 'ebook';
  if (/audio|hörbuch|luisterboek|livre audio|audiolivro|audiolibro/.test(bare)) return 'audio';
  if (
    /hard(?:cover|back)|paperback|mass-?market|print|graphicnovel|softcover|taschenbuch|gebunden|broché|relié|poche|capa|gebonden|paperback|brossura|rústica|tapa|平装|精装|単行本|文庫|양장|반양장/.test(
      bare,
    )
  ) {
    return 'print';
  }
  return undefined;
}

/**
 * A format word that names something other than a book: periodicals, films,
 * music, games, maps, software. An audio CD with an ISBN is an audiobook, so
 * a bare "CD" counts only where no ISBN was found (`withIsbn` false).
 */
export function isNotBookWord(word: string, withIsbn: boolean): boolean {
  const text = word.toLowerCase();
  if (
    /(?<!\p{L})(?:zeitschrift|zeitschriften|zeitung|periodi[cq]\w*|journal|magazin|magazine|revue|tijdschrift|rivista|revista|newspaper|serial|serials|dvd|blu-?ray|vhs|videos?|films?|movie|spiel|spiele|brettspiel|board ?game|video ?game|jeu|jeux|juego|gioco|landkarte|karte|carte|kaart|mapa|map|maps|software|cd-rom|musik|music|musique|noten|partitur|score)(?!\p{L})/u.test(
      text,
    )
  ) {
    return !/hörspiel|hörbuch|audiobook|livre audio|e-?book|ebook/.test(text);
  }
  return !withIsbn && /(?<!\p{L})(?:cds?|audio-?cd|lp|vinyl|schallplatte)(?!\p{L})/u.test(text);
}
