/**
 * What clients send. Each schema is the single definition of a request body:
 * the server validates with it, the extension builds bodies against its
 * type, and the OpenAPI document is generated from it.
 */
import * as v from 'valibot';
import { LANGUAGES } from './languages';
import { FLAG_REASONS, LIMITS, RATING_VALUES } from './limits';
import { codePointLength, isAcceptableText, normalizeTag } from './text';

function userText(max: number, multiline = false, min = 1) {
  return v.pipe(
    v.string(),
    v.check(
      (s) => isAcceptableText(s, multiline),
      'Text must be visible characters; control characters and broken Unicode are refused.',
    ),
    v.check((s) => {
      const n = codePointLength(s);
      return n >= min && n <= max;
    }, `Text must be ${min}–${max} characters.`),
  );
}

const Tag = v.pipe(
  v.string(),
  v.maxLength(LIMITS.tagMax * 4),
  v.check((s) => isAcceptableText(s, false), 'Tags must be visible characters.'),
  v.transform(normalizeTag),
  v.check((s) => codePointLength(s) <= LIMITS.tagMax, `Tags are at most ${LIMITS.tagMax} characters.`),
);

const HttpUrl = v.pipe(
  v.string(),
  v.maxLength(LIMITS.urlMax),
  v.url(),
  v.check((s) => /^https?:\/\//i.test(s), 'Only http and https links are accepted.'),
);

export const RegisterIdentityRequest = v.strictObject({
  name: userText(LIMITS.nameMax),
  /** Spaces around the address are dropped; addresses are compared as `canonicalEmail` says. */
  email: v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(LIMITS.emailMax),
    v.email('A well-formed e-mail address is required.'),
  ),
  /** The browser's UI language: the confirmation mail and page are written in it. English when absent. */
  language: v.optional(v.picklist(LANGUAGES, `The language must be one of ${LANGUAGES.join(', ')}.`)),
});

export const CreateCommentRequest = v.strictObject({
  body: userText(LIMITS.commentMax, true, LIMITS.commentMin),
  /** The author marks the comment as a spoiler so clients fold it. */
  spoiler: v.optional(v.boolean(), false),
});

export const FlagCommentRequest = v.strictObject({
  reason: v.picklist(FLAG_REASONS),
});

export const SetRatingRequest = v.strictObject({
  value: v.picklist(RATING_VALUES),
});

export const SetTagsRequest = v.strictObject({
  tags: v.pipe(
    v.array(Tag),
    v.maxLength(LIMITS.tagsPerBook, `At most ${LIMITS.tagsPerBook} tags per book.`),
    v.transform((tags) => [...new Set(tags)]),
  ),
});

export const AddReviewLinkRequest = v.strictObject({
  url: HttpUrl,
  title: userText(LIMITS.linkTitleMax),
});

export const NominateRequest = v.strictObject({
  isbn: v.optional(v.pipe(v.string(), v.maxLength(32))),
  title: userText(LIMITS.bookTitleMax),
  authors: v.pipe(v.array(userText(LIMITS.authorNameMax)), v.minLength(1), v.maxLength(LIMITS.authorsPerBook)),
  reason: userText(LIMITS.nominationReasonMax, true),
});

export const SecondNominationRequest = v.strictObject({
  reason: v.optional(userText(LIMITS.nominationReasonMax, true)),
});

export const LookupBatchRequest = v.strictObject({
  isbns: v.pipe(v.array(v.pipe(v.string(), v.maxLength(32))), v.minLength(1), v.maxLength(LIMITS.lookupBatchMax)),
});

export const AcceptNominationRequest = v.strictObject({
  /** Slug for the new canon entry; derived from the title when absent. */
  id: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), v.maxLength(80))),
});

export type RegisterIdentityBody = v.InferInput<typeof RegisterIdentityRequest>;
export type CreateCommentBody = v.InferInput<typeof CreateCommentRequest>;
export type FlagCommentBody = v.InferInput<typeof FlagCommentRequest>;
export type SetRatingBody = v.InferInput<typeof SetRatingRequest>;
export type SetTagsBody = v.InferInput<typeof SetTagsRequest>;
export type AddReviewLinkBody = v.InferInput<typeof AddReviewLinkRequest>;
export type NominateBody = v.InferInput<typeof NominateRequest>;
export type SecondNominationBody = v.InferInput<typeof SecondNominationRequest>;
export type LookupBatchBody = v.InferInput<typeof LookupBatchRequest>;
