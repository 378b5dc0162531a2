import { findIsbnCandidates } from '../../shared/isbn';
import { buildBookRef } from '../base/bookref';
import { labelledValues } from '../base/page';
import { stripResponsibility, textOf } from '../base/text';
import type { BookRef, SiteAdapter } from '../base/types';

const SELECTORS = {
  /** One record view has exactly one catalogue table; a hit list has one per hit or none. */
  recordTable: '.c-catalog-table__table',
  rows: '.c-catalog-table__row', // `<th><p>ISBN</p></th><td><p>978-…</p></td>`
  label: 'th',
  /** Each person links to their authority record, followed by `<small>(Verfasser)</small>`. */
  involvedPeople: 'td p',
};

/** Row labels in the German and English interface. */
const LABELS = {
  title: ['titel', 'title'],
  involved: ['beteiligt', 'involved'],
  isbn: ['isbn', 'isbn/einband/preis', 'isbn/binding/price'],
};
const AUTHOR_ROLE = /\((?:verfasser|verfasserin|author)\)/i;

function rowFor(doc: Document, labels: string[]): Element | undefined {
  return [...doc.querySelectorAll(SELECTORS.rows)].find((row) =>
    labels.includes(textOf(row.querySelector(SELECTORS.label)).toLowerCase()),
  );
}

function authors(doc: Document): string[] {
  const row = rowFor(doc, LABELS.involved);
  if (!row) return [];
  return [...row.querySelectorAll(SELECTORS.involvedPeople)]
    .filter((person) => AUTHOR_ROLE.test(textOf(person)))
    .map((person) => textOf(person.querySelector('a')) || textOf(person).replace(AUTHOR_ROLE, ''));
}

function detect(doc: Document): BookRef | null {
  if (doc.querySelectorAll(SELECTORS.recordTable).length !== 1) return null;
  const values = labelledValues(doc.querySelectorAll(SELECTORS.rows), SELECTORS.label);
  const pick = (labels: string[]) => labels.map((label) => values.get(label)).find(Boolean) ?? '';
  return buildBookRef({
    site: 'dnb',
    signals: ['site:dnb'],
    isbns: findIsbnCandidates(pick(LABELS.isbn)).map((candidate) => candidate.isbn13),
    title: stripResponsibility(pick(LABELS.title)),
    authors: authors(doc),
  });
}

export const dnb: SiteAdapter = {
  id: 'dnb',
  name: 'Deutsche Nationalbibliothek',
  matches: ['*://katalog.dnb.de/*', '*://portal.dnb.de/*'],
  test: (url) => url.hostname === 'katalog.dnb.de' || url.hostname === 'portal.dnb.de',
  detect,
};

// Tested on:
// https://katalog.dnb.de/EN/list.html?key.GROUP=1&pr=0&t=978-3-426-22668-1&v=plist&sortA=bez&key=num&sortD=-dat&submit.x=19&submit.y=24
// https://katalog.dnb.de/DE/list.html?key.GROUP=1&pr=0&t=978-3-453-32189-2&v=plist&sortA=bez&sortD=-dat&key=all
// Checked against real pages: tfonteyn/NeverTooManyBooks app/src/androidTest/res/raw/
//   dnb_9783426226681.html, dnb_9783453321892.html, dnb_9783734163296.html (2024)
