/**
 * Detection accuracy over the fixture manifest: per site and in total, book
 * pages right / wrong / missed and non-book pages right / wrong.
 *   npm run accuracy [-- --verbose]
 */
import { detectBook } from '../lib/detect';
import { fixtureAdapterId, fixtureHtml, fixtureUrl, loadManifest } from './fixture-manifest';
import { judge } from './fixture-compare';
import { parsePage } from './saved-page';

interface Tally {
  bookRight: number;
  bookWrong: number;
  bookMissed: number;
  wrongIsbn: number;
  nonBookRight: number;
  nonBookWrong: number;
}
const empty = (): Tally => ({
  bookRight: 0,
  bookWrong: 0,
  bookMissed: 0,
  wrongIsbn: 0,
  nonBookRight: 0,
  nonBookWrong: 0,
});

const verbose = process.argv.includes('--verbose');
const bySite = new Map<string, Tally>();
const total = empty();
for (const entry of loadManifest()) {
  const url = fixtureUrl(entry);
  const page = parsePage(fixtureHtml(entry), url);
  const ref = detectBook(page.document, url);
  await page.close();
  const verdict = judge(ref, entry.expected);
  const site = fixtureAdapterId(entry);
  const tally = bySite.get(site) ?? empty();
  bySite.set(site, tally);
  for (const t of [tally, total]) {
    if (entry.expected === null) t[verdict.ok ? 'nonBookRight' : 'nonBookWrong']++;
    else if (ref === null) t.bookMissed++;
    else t[verdict.ok ? 'bookRight' : 'bookWrong']++;
    if (verdict.wrongIsbn) t.wrongIsbn++;
  }
  if (verbose || !verdict.ok) {
    console.error(
      `${verdict.ok ? 'ok  ' : 'FAIL'} ${entry.file}${entry.synthetic ? ' (synthetic)' : ''} ${verdict.problems.join('; ')}`,
    );
  }
}

const row = (name: string, t: Tally) =>
  [name.slice(0, 44).padEnd(44), t.bookRight, t.bookWrong, t.bookMissed, t.wrongIsbn, t.nonBookRight, t.nonBookWrong]
    .map((cell, i) => (i === 0 ? cell : String(cell).padStart(7)))
    .join(' ');
console.log(
  ['site'.padEnd(44), 'book ok', 'wrong', 'missed', 'badISBN', 'neg ok', 'neg FP']
    .map((h, i) => (i === 0 ? h : h.padStart(7)))
    .join(' '),
);
for (const [site, tally] of [...bySite].sort(([a], [b]) => a.localeCompare(b))) console.log(row(site, tally));
console.log(row('TOTAL', total));
