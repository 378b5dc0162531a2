/** How a detected BookRef is judged against a fixture's hand-read expectation. */
import { isbn10To13 } from '../lib/shared/isbn';
import type { BookRef } from '../lib/shared/book-ref';
import type { ExpectedBook } from './fixture-manifest';

/** The expected ISBN-13 list, primary first: the listed ISBN-13s, then converted ISBN-10s not yet in it. */
export function expectedIsbn13s(expected: ExpectedBook): string[] {
  const all = [...expected.isbn13, ...expected.isbn10.map((isbn10) => isbn10To13(isbn10) ?? isbn10)];
  return [...new Set(all)];
}

/** Whitespace collapsed and NFC: the same text typed or saved differently compares equal. */
export function sameText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export interface Verdict {
  /** The page's book was found with exactly the expected ISBNs, title and authors. */
  ok: boolean;
  /** An ISBN was reported that the page's edition does not have. */
  wrongIsbn: boolean;
  problems: string[];
}

export function judge(ref: BookRef | null, expected: ExpectedBook | null): Verdict {
  if (expected === null) {
    return {
      ok: ref === null,
      wrongIsbn: ref !== null && ref.isbn13.length > 0,
      problems: ref ? ['not a book page, got a BookRef'] : [],
    };
  }
  if (ref === null) return { ok: false, wrongIsbn: false, problems: ['missed: got null'] };
  const problems: string[] = [];
  const isbns = expectedIsbn13s(expected);
  if (JSON.stringify(ref.isbn13) !== JSON.stringify(isbns)) {
    problems.push(`isbn13 ${JSON.stringify(ref.isbn13)} ≠ ${JSON.stringify(isbns)}`);
  }
  if (sameText(ref.title ?? '') !== sameText(expected.title)) {
    problems.push(`title ${JSON.stringify(ref.title)} ≠ ${JSON.stringify(expected.title)}`);
  }
  const authors = ref.authors.map(sameText);
  const wanted = expected.authors.map(sameText);
  if (JSON.stringify(authors) !== JSON.stringify(wanted)) {
    problems.push(`authors ${JSON.stringify(authors)} ≠ ${JSON.stringify(wanted)}`);
  }
  if (expected.asin && ref.asin !== expected.asin) problems.push(`asin ${ref.asin} ≠ ${expected.asin}`);
  const wrongIsbn = ref.isbn13.some((isbn) => !isbns.includes(isbn));
  return { ok: problems.length === 0, wrongIsbn, problems };
}
