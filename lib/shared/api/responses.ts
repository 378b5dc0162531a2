/**
 * What the server answers. The extension validates every response with these
 * before trusting it; no response ever carries an e-mail address, a secret
 * or a network address.
 */
import * as v from 'valibot';
import { PublishedDate } from './canon';

const IsoDate = v.pipe(v.string(), v.isoTimestamp());

export const NominationSummary = v.object({
  id: v.string(),
  isbn13: v.nullable(v.string()),
  title: v.string(),
  authors: v.array(v.string()),
  reason: v.string(),
  status: v.picklist(['open', 'accepted', 'declined']),
  /** Confirmed readers supporting it, the nominator included; each person once. */
  supporters: v.number(),
  bookId: v.nullable(v.string()),
  createdAt: IsoDate,
});

export const RatingSummary = v.object({
  /** Mean of confirmed ratings, null when there are none. */
  average: v.nullable(v.number()),
  count: v.number(),
  /** Confirmed ratings per value, keyed "0.5" … "5". */
  distribution: v.record(v.string(), v.number()),
  /** Ratings by identities that have not confirmed yet; not in the figures above. */
  provisional: v.number(),
});

export const TagCount = v.object({
  tag: v.string(),
  count: v.number(),
  provisionalCount: v.number(),
  /** True while only unconfirmed identities have set this tag. */
  provisional: v.boolean(),
});

export const ReviewLink = v.object({
  id: v.string(),
  url: v.string(),
  title: v.string(),
  /** "canon": gathered with the canon data; "reader": added by a confirmed reader. */
  source: v.picklist(['canon', 'reader']),
});

export const Chapter = v.object({
  title: v.string(),
  source: v.picklist(['canon']),
});

export const CanonEntry = v.object({
  id: v.string(),
  title: v.string(),
  subtitle: v.nullable(v.string()),
  authors: v.array(v.string()),
  publisher: v.nullable(v.string()),
  year: v.nullable(v.number()),
  /** As precise as known (PUBLISHED_PATTERN); servers before it sent only `year`. */
  published: v.optional(v.nullable(PublishedDate), null),
  /** The canon's own description of the book, paragraphs separated by blank lines. */
  description: v.optional(v.nullable(v.string()), null),
  isbn13: v.array(v.string()),
  isbn10: v.array(v.string()),
  chapters: v.array(Chapter),
  rating: RatingSummary,
  tags: v.array(TagCount),
  links: v.array(ReviewLink),
  commentCount: v.number(),
  nomination: v.nullable(NominationSummary),
});

export const LookupAnswer = v.variant('inCanon', [
  v.object({ inCanon: v.literal(true), entry: CanonEntry }),
  v.object({
    inCanon: v.literal(false),
    /** An open or declined nomination matching the query, if any. */
    nomination: v.nullable(NominationSummary),
  }),
]);

export const LookupBatchAnswer = v.object({
  results: v.array(v.object({ isbn: v.string(), answer: v.nullable(LookupAnswer) })),
});

export const Comment = v.object({
  id: v.string(),
  bookId: v.string(),
  authorName: v.string(),
  body: v.string(),
  createdAt: IsoDate,
  /** Clients fold spoilers behind a click. */
  spoiler: v.boolean(),
  /** "waiting" and "held" are only ever shown to the comment's author. */
  status: v.picklist(['published', 'waiting', 'held']),
  mine: v.boolean(),
  /** When its author last edited it; null if never (absent from servers older than editing). */
  editedAt: v.optional(v.nullable(IsoDate), null),
});

export const CommentPage = v.object({
  comments: v.array(Comment),
  nextCursor: v.nullable(v.string()),
});

/** What every well-formed registration is told, whether or not a mail could go to the address. */
export const REGISTRATION_MESSAGE = 'If this address can receive mail, a link is on its way.';

/**
 * The answer to a registration (202 Accepted: the identity exists, its
 * confirmation is up to the mailbox). Servers before 202 answered 201
 * without `message`.
 */
export const RegisteredIdentity = v.object({
  id: v.string(),
  /** Shown once; send it as `Authorization: Bearer <secret>`. */
  secret: v.string(),
  confirmed: v.boolean(),
  message: v.optional(v.string()),
});

export const IdentityState = v.object({
  id: v.string(),
  /** The name others see: the person's (chosen at their latest confirmation) once this identity is confirmed. */
  name: v.string(),
  confirmed: v.boolean(),
  confirmedAt: v.nullable(IsoDate),
});

export const MyBookState = v.object({
  bookId: v.string(),
  rating: v.nullable(v.number()),
  tags: v.array(v.string()),
  /** True while this identity is unconfirmed: its rating and tags do not count yet. */
  provisional: v.boolean(),
});

/** The calling reader's part in a nomination, as a person: any of their browsers counts. */
export const MyNominationState = v.object({
  nominationId: v.string(),
  /** They made the nomination. */
  nominated: v.boolean(),
  /** They support it (the nominator always does). */
  supporting: v.boolean(),
});

export const AddedReviewLink = v.object({
  link: ReviewLink,
  /** False while the adding identity is unconfirmed: the link is listed once it confirms. */
  published: v.boolean(),
});

export const NominationList = v.object({ nominations: v.array(NominationSummary) });

export const Accepted = v.object({ ok: v.literal(true) });

export const ErrorBody = v.object({
  error: v.object({ code: v.string(), message: v.string() }),
});

export type NominationSummary = v.InferOutput<typeof NominationSummary>;
export type RatingSummary = v.InferOutput<typeof RatingSummary>;
export type TagCount = v.InferOutput<typeof TagCount>;
export type ReviewLink = v.InferOutput<typeof ReviewLink>;
export type CanonEntry = v.InferOutput<typeof CanonEntry>;
export type LookupAnswer = v.InferOutput<typeof LookupAnswer>;
export type LookupBatchAnswer = v.InferOutput<typeof LookupBatchAnswer>;
export type Comment = v.InferOutput<typeof Comment>;
export type CommentPage = v.InferOutput<typeof CommentPage>;
export type RegisteredIdentity = v.InferOutput<typeof RegisteredIdentity>;
export type IdentityState = v.InferOutput<typeof IdentityState>;
export type MyBookState = v.InferOutput<typeof MyBookState>;
export type AddedReviewLink = v.InferOutput<typeof AddedReviewLink>;
export type MyNominationState = v.InferOutput<typeof MyNominationState>;
export type NominationList = v.InferOutput<typeof NominationList>;
export type ErrorBody = v.InferOutput<typeof ErrorBody>;
