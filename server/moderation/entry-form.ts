/**
 * The canon-entry form of the moderator's desk, as values: what a submitted
 * form means, what is wrong with it (every problem at once, per field, so the
 * moderator fixes them in one go and loses nothing typed), and the form a
 * nomination or an existing entry starts from. Pure: no database here.
 */
import { matchKey, PUBLISHED_PATTERN } from '../../lib/shared/api';
import { normalizeIsbn } from '../../lib/shared/isbn';

export const ENTRY_FIELDS = [
  'title',
  'subtitle',
  'authors',
  'publisher',
  'published',
  'description',
  'isbns',
  'chapters',
  'slug',
] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];
/** The form as typed: every field a string (lists one item a line). */
export type EntryForm = Record<EntryField, string>;
export type EntryProblems = Partial<Record<EntryField, string>>;

export type EntryFields = {
  slug: string;
  title: string;
  subtitle: string | null;
  authors: string[];
  publisher: string | null;
  /** Year, year-month or full date. */
  published: string | null;
  description: string | null;
  isbn13: string[];
  /** ISBN-10s as typed (compacted), each also among `isbn13` converted. */
  isbn10: string[];
  chapters: string[];
};

export const ENTRY_LIMITS = {
  title: 300,
  subtitle: 300,
  author: 200,
  authors: 30,
  publisher: 200,
  description: 8_000,
  isbns: 40,
  chapter: 200,
  chapters: 120,
  slug: 80,
};

/** Lower-case words joined by single hyphens: no leading, trailing or doubled hyphen. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A series named after the title, as shops and Goodreads print it:
 * "The Name of the Wind (The Kingkiller Chronicle, #1)", "… (Discworld Book 3)".
 */
const SERIES_SUFFIX = /\s*\((?:[^()]*?)(?:#\s*\d+(?:\.\d+)?|\b(?:book|vol\.?|volume|band|tome|part)\s+\d+)\s*\)\s*$/iu;

export function withoutSeriesSuffix(title: string): string {
  return title.replace(SERIES_SUFFIX, '').trim();
}

/** A slug made from a title: ASCII words, hyphens only between them, at most ENTRY_LIMITS.slug long. */
export function slugFor(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    // Trimmed after cutting, so a cut at a word's end leaves no trailing hyphen.
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'book' : slug;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** Reads and checks a submitted entry form. */
export function parseEntryForm(
  form: EntryForm,
): { ok: true; value: EntryFields } | { ok: false; problems: EntryProblems } {
  const problems: EntryProblems = {};
  const oneLine = (field: EntryField, max: number, required: boolean): string | null => {
    const value = form[field].trim();
    if (value === '') {
      if (required) problems[field] = 'Required.';
      return null;
    }
    if (/[\r\n]/.test(value) || CONTROL.test(value)) problems[field] = 'One line of text, please.';
    else if (value.length > max) problems[field] = `At most ${max} characters.`;
    return value;
  };

  const title = oneLine('title', ENTRY_LIMITS.title, true) ?? '';
  if (problems.title === undefined && withoutSeriesSuffix(title) !== title) {
    problems.title = `Leave the series out of the title: “${withoutSeriesSuffix(title)}”.`;
  }
  if (problems.title === undefined && matchKey(title) === '') problems.title = 'The title needs letters or digits.';
  const subtitle = oneLine('subtitle', ENTRY_LIMITS.subtitle, false);
  const publisher = oneLine('publisher', ENTRY_LIMITS.publisher, false);

  const authors = lines(form.authors);
  if (authors.length > ENTRY_LIMITS.authors) problems.authors = `At most ${ENTRY_LIMITS.authors} authors.`;
  else if (authors.some((a) => a.length > ENTRY_LIMITS.author || CONTROL.test(a))) {
    problems.authors = `One name a line, each at most ${ENTRY_LIMITS.author} characters.`;
  }

  const published = form.published.trim() === '' ? null : form.published.trim();
  if (published !== null && !PUBLISHED_PATTERN.test(published)) {
    problems.published = 'A year (2009), a month (2009-07) or a date (2009-07-14).';
  }

  const description = form.description.replace(/\r\n/g, '\n').trim();
  if (description.length > ENTRY_LIMITS.description) {
    problems.description = `At most ${ENTRY_LIMITS.description} characters.`;
  } else if (CONTROL.test(description)) problems.description = 'Plain text only.';

  const isbn13: string[] = [];
  const isbn10: string[] = [];
  const typedIsbns = form.isbns
    .split(/[\n,;]+/)
    .map((i) => i.trim())
    .filter((i) => i !== '');
  const invalid = typedIsbns.filter((typed) => normalizeIsbn(typed) === null);
  if (invalid.length > 0) {
    problems.isbns = `Not a valid ISBN (check digit or length): ${invalid.slice(0, 5).join(', ')}.`;
  } else if (typedIsbns.length > ENTRY_LIMITS.isbns) {
    problems.isbns = `At most ${ENTRY_LIMITS.isbns} ISBNs.`;
  }
  for (const typed of typedIsbns) {
    const thirteen = normalizeIsbn(typed);
    if (thirteen === null) continue;
    if (!isbn13.includes(thirteen)) isbn13.push(thirteen);
    const compact = typed.replace(/[\s-]/g, '').toUpperCase();
    if (/^\d{9}[\dX]$/.test(compact) && !isbn10.includes(compact)) isbn10.push(compact);
  }

  const chapters = lines(form.chapters);
  if (chapters.length > ENTRY_LIMITS.chapters) problems.chapters = `At most ${ENTRY_LIMITS.chapters} chapters.`;
  else if (chapters.some((c) => c.length > ENTRY_LIMITS.chapter || CONTROL.test(c))) {
    problems.chapters = `One chapter a line, each at most ${ENTRY_LIMITS.chapter} characters.`;
  }

  const slug = form.slug.trim();
  if (slug.length > ENTRY_LIMITS.slug || !SLUG_PATTERN.test(slug)) {
    problems.slug = 'Lower-case letters and digits, words joined by single hyphens (no hyphen at either end).';
  }

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      slug,
      title,
      subtitle,
      authors,
      publisher,
      published,
      description: description === '' ? null : description,
      isbn13,
      isbn10,
      chapters,
    },
  };
}

/** The form a nomination starts from: "Title: Subtitle" split, the series dropped, a slug made. */
export function formFromNomination(n: { title: string; authors: string[]; isbn13: string | null }): EntryForm {
  const bare = withoutSeriesSuffix(n.title);
  const colon = bare.indexOf(': ');
  const title = colon > 0 ? bare.slice(0, colon) : bare;
  return {
    title,
    subtitle: colon > 0 ? bare.slice(colon + 2) : '',
    authors: n.authors.join('\n'),
    publisher: '',
    published: '',
    description: '',
    isbns: n.isbn13 ?? '',
    chapters: '',
    slug: slugFor(title),
  };
}

/** The form an existing entry is edited in. */
export function formFromEntry(e: EntryFields): EntryForm {
  return {
    title: e.title,
    subtitle: e.subtitle ?? '',
    authors: e.authors.join('\n'),
    publisher: e.publisher ?? '',
    published: e.published ?? '',
    description: e.description ?? '',
    isbns: [...e.isbn13].join('\n'),
    chapters: e.chapters.join('\n'),
    slug: e.slug,
  };
}

/** The submitted form's fields (absent ones empty). */
export function entryFormOf(body: Record<string, unknown>): EntryForm {
  const value = (name: string) => (typeof body[name] === 'string' ? body[name] : '');
  return Object.fromEntries(ENTRY_FIELDS.map((f) => [f, value(f)])) as EntryForm;
}
