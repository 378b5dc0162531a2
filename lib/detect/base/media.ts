/**
 * Words a catalogue record's format or physical description uses for what is
 * not a book: periodicals, discs, films, recordings, games ("Zeitschrift",
 * "3 CDs", "1 videodisc", "sound recording"). Adapters test a record's own
 * format field with it; a book format word or an ISBN outweighs it.
 */
export const NON_BOOK_MEDIA =
  /zeitschrift|zeitung|periodical|journal|serial|magazin|newspaper|\bcds?\b|dvd|blu-?ray|video|sound|audio dis|music|schallplatte|kassette|\bgames?\b|spiel/i;
