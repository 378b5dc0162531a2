/**
 * Detection accuracy over the fixture manifest, real saved pages and
 * hand-written (synthetic) pages counted apart: per site and in total, book
 * pages right / wrong / missed and non-book pages right / wrong; chapters
 * scored where the manifest expects them; and, for the real pages, which
 * signal decided each verdict.
 *   npm run accuracy [-- --verbose]
 */
import { detectBook } from '../lib/detect';
import { detectBookWith } from '../lib/detect/detect-with';
import type { Chapter } from '../lib/detect/base/types';
import { decidedBy } from './detect-explain';
import { judge, sameText } from './fixture-compare';
import { fixtureAdapterId, fixtureHtml, fixtureUrl, loadManifest, type FixtureEntry } from './fixture-manifest';
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

/** One printed contents entry as the manifest writes it: label and title joined. */
const chapterText = (chapter: Chapter) => sameText([chapter.label, chapter.title].filter(Boolean).join(' '));

/** Chapter problems against the manifest's `expected.chapters` (in page order), [] when they match. */
function chapterProblems(found: Chapter[] | undefined, expected: string[]): string[] {
  const got = (found ?? []).map(chapterText);
  const wanted = expected.map(sameText);
  if (JSON.stringify(got) === JSON.stringify(wanted)) return [];
  const at = wanted.findIndex((entry, i) => got[i] !== entry);
  return [
    `chapters: ${got.length} found, ${wanted.length} expected, first difference at ${at}: ${JSON.stringify(got[at])} ≠ ${JSON.stringify(wanted[at])}`,
  ];
}

const verbose = process.argv.includes('--verbose');
const kinds = { real: new Map<string, Tally>(), synthetic: new Map<string, Tally>() };
const totals = { real: empty(), synthetic: empty() };
const chapters = { scored: 0, right: 0, unexpected: [] as string[] };
/**
 * For real pages: signal → book pages and non-book pages it decided, with the
 * adapters and by the generic signals alone.
 */
const decided = new Map<string, [number, number, number, number]>();
/** Real pages the generic signals alone (no adapter: the any-site script) get right. */
const genericOnly = empty();

for (const entry of loadManifest() as (FixtureEntry & { expected: { chapters?: string[] } | null })[]) {
  const url = fixtureUrl(entry);
  const page = parsePage(fixtureHtml(entry), url);
  const ref = detectBook(page.document, url);
  const kind = entry.synthetic ? 'synthetic' : 'real';
  const verdict = judge(ref, entry.expected);
  const problems = [...verdict.problems];
  const expectedChapters = entry.expected?.chapters;
  if (expectedChapters) {
    chapters.scored++;
    const wrong = chapterProblems(ref?.chapters, expectedChapters);
    if (wrong.length === 0) chapters.right++;
    problems.push(...wrong);
  } else if (ref?.chapters?.length) chapters.unexpected.push(`${entry.file} (${ref.chapters.length})`);
  if (kind === 'real') {
    const negative = entry.expected === null ? 1 : 0;
    const count = (signal: string, column: number) => {
      const counts = decided.get(signal) ?? [0, 0, 0, 0];
      counts[column + negative] = (counts[column + negative] ?? 0) + 1;
      decided.set(signal, counts);
    };
    count(decidedBy(page.document, url, ref), 0);
    const generic = detectBookWith([], page.document, url);
    count(decidedBy(page.document, url, generic, []), 2);
    const genericVerdict = judge(generic, entry.expected);
    if (entry.expected === null) genericOnly[genericVerdict.ok ? 'nonBookRight' : 'nonBookWrong']++;
    else if (generic === null) genericOnly.bookMissed++;
    else genericOnly[genericVerdict.ok ? 'bookRight' : 'bookWrong']++;
    if (genericVerdict.wrongIsbn) genericOnly.wrongIsbn++;
    if (verbose) console.error(`     ${entry.file}: decided by ${decidedBy(page.document, url, ref)}`);
  }
  await page.close();
  const site = fixtureAdapterId(entry);
  const tally = kinds[kind].get(site) ?? empty();
  kinds[kind].set(site, tally);
  for (const t of [tally, totals[kind]]) {
    if (entry.expected === null) t[verdict.ok ? 'nonBookRight' : 'nonBookWrong']++;
    else if (ref === null) t.bookMissed++;
    else t[verdict.ok ? 'bookRight' : 'bookWrong']++;
    if (verdict.wrongIsbn) t.wrongIsbn++;
  }
  const ok = problems.length === 0;
  if (verbose || !ok) {
    console.error(
      `${ok ? 'ok  ' : 'FAIL'} ${entry.file}${entry.synthetic ? ' (synthetic)' : ''} ${problems.join('; ')}`,
    );
  }
}

const row = (name: string, t: Tally) =>
  [name.slice(0, 44).padEnd(44), t.bookRight, t.bookWrong, t.bookMissed, t.wrongIsbn, t.nonBookRight, t.nonBookWrong]
    .map((cell, i) => (i === 0 ? cell : String(cell).padStart(7)))
    .join(' ');
const header = ['site'.padEnd(44), 'book ok', 'wrong', 'missed', 'badISBN', 'neg ok', 'neg FP']
  .map((h, i) => (i === 0 ? h : h.padStart(7)))
  .join(' ');
const titles = {
  real: 'Real saved pages (tests/fixtures/pages/<site>/, from ../shared/fixtures via MANIFEST)',
  synthetic: 'Synthetic pages (tests/fixtures/pages/synthetic/, written by hand)',
};
for (const kind of ['real', 'synthetic'] as const) {
  console.log(`\n${titles[kind]}`);
  console.log(header);
  for (const [site, tally] of [...kinds[kind]].sort(([a], [b]) => a.localeCompare(b))) console.log(row(site, tally));
  console.log(row(`TOTAL ${kind}`, totals[kind]));
}

console.log(`\nChapters: ${chapters.right}/${chapters.scored} pages with expected.chapters right`);
if (chapters.unexpected.length > 0) {
  console.log(`  chapters found on pages whose manifest lists none (not scored): ${chapters.unexpected.join(', ')}`);
}

console.log('\nReal saved pages, generic signals alone (no site adapter, as on a host without one)');
console.log(header);
console.log(row('TOTAL real, generic alone', genericOnly));
console.log('\nDeciding signal on real pages      with adapters: books  non-books | generic alone: books  non-books');
const byUse = ([, a]: [string, number[]], [, b]: [string, number[]]) =>
  b.reduce((x, y) => x + y) - a.reduce((x, y) => x + y);
for (const [signal, counts] of [...decided].sort(byUse)) {
  console.log(`${signal.padEnd(44)} ${counts.map((n, i) => String(n).padStart(i === 2 ? 18 : 9)).join('')}`);
}
