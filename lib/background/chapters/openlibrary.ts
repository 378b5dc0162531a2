/**
 * Tables of contents from Open Library: `/isbn/<isbn>.json` redirects to the
 * edition record; when the edition has no contents, its work may. Rows are
 * `{level, label, title, pagenum}` (level 0 = top), and old records hold
 * plain strings. Parsing is pure; fetching is at the edge.
 */
import type { Chapter } from '../../shared/book-ref';
import { OPEN_LIBRARY_TIMEOUT_MS } from '../core/limits';
import type { FetchLike } from '../core/context';

export const OPEN_LIBRARY_ORIGIN = 'https://openlibrary.org';
const MAX_CHAPTERS = 1_000;
const MAX_LEVEL = 10;
const WORK_KEY = /^\/works\/OL\d+W$/;

export function parseOpenLibraryToc(record: unknown): Chapter[] {
  const rows = isObject(record) && Array.isArray(record.table_of_contents) ? record.table_of_contents : [];
  const chapters: Chapter[] = [];
  for (const row of rows.slice(0, MAX_CHAPTERS)) {
    const chapter = typeof row === 'string' ? { level: 1, title: row.trim() } : isObject(row) ? objectRow(row) : null;
    if (chapter !== null && chapter.title !== '') chapters.push(chapter);
  }
  return chapters;
}

function objectRow(row: Record<string, unknown>): Chapter | null {
  const title = text(row.title);
  const label = text(row.label);
  const page = text(row.pagenum);
  // A row with only a label ("Part II") is still a heading worth showing.
  if (title === '' && label === '') return null;
  const level =
    typeof row.level === 'number' && Number.isInteger(row.level) ? Math.min(MAX_LEVEL, Math.max(1, row.level + 1)) : 1;
  const chapter: Chapter = { level, title: title === '' ? label : title };
  if (title !== '' && label !== '') chapter.label = label;
  if (page !== '') chapter.page = page;
  return chapter;
}

/** The work an edition belongs to, when its key has the expected shape. */
export function workKeyOf(edition: unknown): string | null {
  if (!isObject(edition) || !Array.isArray(edition.works)) return null;
  const first: unknown = edition.works[0];
  const key = isObject(first) ? first.key : undefined;
  return typeof key === 'string' && WORK_KEY.test(key) ? key : null;
}

export type OpenLibraryAnswer = { kind: 'found'; chapters: Chapter[] } | { kind: 'none' } | { kind: 'unreachable' };

export async function fetchOpenLibraryChapters(fetchFn: FetchLike, isbn13: string): Promise<OpenLibraryAnswer> {
  const edition = await getJson(fetchFn, `${OPEN_LIBRARY_ORIGIN}/isbn/${isbn13}.json`);
  if (edition === 'unreachable') return { kind: 'unreachable' };
  if (edition === 'missing') return { kind: 'none' };
  const fromEdition = parseOpenLibraryToc(edition);
  if (fromEdition.length > 0) return { kind: 'found', chapters: fromEdition };
  const workKey = workKeyOf(edition);
  if (workKey === null) return { kind: 'none' };
  const work = await getJson(fetchFn, `${OPEN_LIBRARY_ORIGIN}${workKey}.json`);
  if (work === 'unreachable') return { kind: 'unreachable' };
  const fromWork = work === 'missing' ? [] : parseOpenLibraryToc(work);
  return fromWork.length > 0 ? { kind: 'found', chapters: fromWork } : { kind: 'none' };
}

async function getJson(fetchFn: FetchLike, url: string): Promise<unknown> {
  try {
    const response = await fetchFn(url, { credentials: 'omit', signal: AbortSignal.timeout(OPEN_LIBRARY_TIMEOUT_MS) });
    if (response.status === 404) return 'missing';
    if (!response.ok) return 'unreachable';
    return (await response.json()) as unknown;
  } catch {
    return 'unreachable';
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
