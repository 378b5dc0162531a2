import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { cleanText, stripResponsibility, textOf } from '../base/text';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  /** Full-details rows: `<div class="row"><div class="fd-caption"><span>ISBN: </span></div><div class="col">…` */
  rows: '.row',
  caption: ':scope > .fd-caption',
  value: ':scope > .col',
  valueLines: '.d-block',
};

/** Caption → lines of the value (one `span.d-block` per ISBN, per author). */
function fullDetails(doc: Document): Map<string, string[]> {
  const details = new Map<string, string[]>();
  for (const row of doc.querySelectorAll(SELECTORS.rows)) {
    const caption = cleanText(textOf(row.querySelector(SELECTORS.caption)).replace(/:$/, '')).toLowerCase();
    const value = row.querySelector(SELECTORS.value);
    if (!caption || !value || details.has(caption)) continue;
    const lines = [...value.querySelectorAll(SELECTORS.valueLines)].map((line) => textOf(line));
    details.set(caption, lines.length > 0 ? lines : [textOf(value)]);
  }
  return details;
}

function detect(doc: Document): BookRef | null {
  const details = fullDetails(doc);
  const title = details.get('main title')?.[0] ?? details.get('title')?.[0];
  if (!title) return null; // a results list shows brief records without captions
  // A record lists each edition format it holds (hbk, ePub): all belong to this catalogue record.
  const isbns = (details.get('isbn') ?? []).flatMap((line) =>
    findIsbnCandidates(line).map((candidate) => candidate.isbn13),
  );
  return buildBookRef({
    site: 'spydus',
    signals: ['site:spydus'],
    isbns,
    title: stripResponsibility(title),
    authors: details.get('author') ?? [],
  });
}

export const spydus: SiteAdapter = {
  id: 'spydus',
  name: 'Spydus (Civica)',
  matches: ['*://*.spydus.co.uk/*', '*://*.spydus.com/*', '*://*.spydus.com.au/*'],
  // Libraries also run Spydus on their own hosts: its full-details captions give it away.
  // By class, not an attribute-substring selector: this test runs on every unclaimed page.
  test: (url, doc) =>
    /\.spydus\./.test(url.hostname) ||
    (doc.getElementsByClassName('fd-caption').length > 0 && doc.querySelector('a[href*="/spydus.exe/"]') !== null),
  detect,
};

// Tested on:
// https://herts.spydus.co.uk/cgi-bin/spydus.exe/ENQ/WPAC/BIBENQ?SETLVL=&BRN=3467997 (fragment)
// Checked against real pages: alexwlchan/library-lookup tests/fixtures/isbn_9781847442260.html,
//   tests/fixtures/isbn_9780804692298.html (2022)
