/**
 * The canon as a whole (its name and what it gathers) and the publication
 * dates of its entries. Shared by the server's config, the snapshot build and
 * the extension, so all three say the same when nothing is configured.
 */
import * as v from 'valibot';

export const DEFAULT_CANON_NAME = 'Service Design Canon';

export const DEFAULT_CANON_DESCRIPTION =
  'A community library of the books that shaped service design: recommended by practitioners, ' +
  'teachers and students, rated and discussed by anyone who has read them. ' +
  'Suggest a book that belongs here, second a nomination, or tell others what to take away from one you know.';

/** Year, year-month or full date, as precise as the source is: "2009", "2009-07", "2009-07-14". */
export const PUBLISHED_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export const PublishedDate = v.pipe(v.string(), v.regex(PUBLISHED_PATTERN));

/** The year of a publication date, for clients that only show the year. */
export function publishedYear(published: string): number {
  return Number(published.slice(0, 4));
}

/** `GET /canon`: who the canon is. */
export const CanonInfo = v.object({
  name: v.string(),
  description: v.string(),
  /** Entries in the canon. */
  books: v.number(),
});
export type CanonInfo = v.InferOutput<typeof CanonInfo>;
