/**
 * Every API route, described once for the OpenAPI document. A test checks
 * this list against the routes the app really serves, both ways.
 */
import type { GenericSchema } from 'valibot';
import * as canon from '../../lib/shared/api';
import type { RateLimits } from '../limits';

export type RouteDoc = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI form, relative to /api/v1: `/books/{id}`. */
  path: string;
  summary: string;
  auth?: 'identity' | 'identity-optional' | 'admin';
  idempotencyKey?: boolean;
  query?: Record<string, string>;
  request?: GenericSchema;
  status: number;
  response?: GenericSchema;
  contentType?: string;
  /** Budgets besides the per-client read or write budget every request spends from. */
  budgets?: (keyof RateLimits)[];
};

export const ROUTE_DOCS: RouteDoc[] = [
  {
    method: 'get',
    path: '/canon',
    summary: 'The canon itself: its name, its one-paragraph description and how many entries it holds',
    status: 200,
    response: canon.CanonInfo,
  },
  {
    method: 'get',
    path: '/canon-index',
    summary:
      "What the canon knows, as match keys (`isbn:<ISBN-13>`, `title:<title key>|<surname key>`) of its entries (`b:<id>`) and public nominations (`n:<id>`), so a browser decides locally which books to ask about. Versioned: send If-None-Match for a 304, `since` for the changes since a version (`kind: delta`). When the whole document gzips above the server's limit the answer is the header alone (`kind: header`, `mode: prefix`) and clients ask by prefix",
    query: { since: 'A version this client holds: the answer is the changes since it when they are still kept' },
    status: 200,
    response: canon.CanonIndexAnswer,
  },
  {
    method: 'get',
    path: '/canon-index/range/{prefix}',
    summary:
      "Every hash in one bucket (k-anonymous prefix query): `prefix` is the header's `prefixLength` lower-case hex digits of HMAC-SHA-256 under the header's `hashKey` of a match key. Hashes come truncated to 32 hex digits, in hash order; a bucket smaller than `minBucket` is filled with decoys (target null), and the answer depends on the prefix alone",
    status: 200,
    response: canon.CanonIndexRange,
  },
  {
    method: 'get',
    path: '/books',
    summary: 'Look up a canon entry by any ISBN, or by title and author',
    query: {
      isbn: 'ISBN-10 or ISBN-13, any punctuation',
      title: 'Title, for editions without ISBN',
      author: 'One author name',
    },
    status: 200,
    response: canon.LookupAnswer,
  },
  {
    method: 'post',
    path: '/books/lookup',
    summary: 'Look up many ISBNs at once',
    request: canon.LookupBatchRequest,
    status: 200,
    response: canon.LookupBatchAnswer,
  },
  { method: 'get', path: '/books/{id}', summary: 'A canon entry by its id', status: 200, response: canon.CanonEntry },
  {
    method: 'post',
    path: '/identities',
    summary:
      'Register a commenter identity for this browser; the secret is shown once. Every well-formed registration gets the same 202, whether or not a mail could go (the mail budgets are never answered with 429 here). Confirming joins the identity to the person of its address.',
    request: canon.RegisterIdentityRequest,
    status: 202,
    response: canon.RegisteredIdentity,
    budgets: ['registrationsPerIp'],
  },
  {
    method: 'get',
    path: '/identities/me',
    summary: 'The calling identity',
    auth: 'identity',
    status: 200,
    response: canon.IdentityState,
  },
  {
    method: 'post',
    path: '/identities/me/resend',
    summary: 'Send the confirmation mail again',
    auth: 'identity',
    status: 202,
    response: canon.Accepted,
    budgets: ['writesPerIdentity', 'mailsPerAddressPerClient', 'mailsPerAddress', 'mailsPerClient'],
  },
  {
    method: 'delete',
    path: '/identities/me',
    summary:
      "Forget this browser's identity: its secret stops working. The person and their other browsers are untouched; an unconfirmed identity's provisional ratings, tags, flags and seconds are withdrawn.",
    auth: 'identity',
    status: 204,
  },
  {
    method: 'get',
    path: '/books/{id}/comments',
    summary: 'Published comments, newest first; the author also sees their own waiting and held ones',
    auth: 'identity-optional',
    query: { cursor: 'nextCursor of the previous page', limit: `1–${canon.LIMITS.pageSizeMax}` },
    status: 200,
    response: canon.CommentPage,
  },
  {
    method: 'post',
    path: '/books/{id}/comments',
    summary: 'Post a comment',
    auth: 'identity',
    idempotencyKey: true,
    budgets: ['commentsPerIdentity'],
    request: canon.CreateCommentRequest,
    status: 201,
    response: canon.Comment,
  },
  {
    method: 'patch',
    path: '/comments/{id}',
    summary:
      "Edit own comment (one written from any browser of the same person): its body, its spoiler mark, or both. The text it replaces is kept for the moderators; the comment shows `editedAt`. Its status does not change: a waiting or held comment stays so, a published one stays published. Sending what it already says changes nothing. Someone else's comment, or one already deleted, is a 404",
    auth: 'identity',
    request: canon.UpdateCommentRequest,
    status: 200,
    response: canon.Comment,
    budgets: ['writesPerIdentity'],
  },
  {
    method: 'delete',
    path: '/comments/{id}',
    summary:
      "Delete own comment (one written from any browser of the same person): it leaves every listing, feed, page and count at once. Its text and flags are kept for the moderators. Someone else's comment, or one already deleted, is a 404",
    auth: 'identity',
    status: 204,
    budgets: ['writesPerIdentity'],
  },
  {
    method: 'post',
    path: '/comments/{id}/flags',
    summary: 'Flag a comment as spam, offensive or a spoiler',
    auth: 'identity',
    request: canon.FlagCommentRequest,
    status: 202,
    response: canon.Accepted,
    budgets: ['writesPerIdentity'],
  },
  {
    method: 'get',
    path: '/books/{id}/mine',
    summary: "The calling identity's rating and tags for a book",
    auth: 'identity',
    status: 200,
    response: canon.MyBookState,
  },
  {
    method: 'put',
    path: '/books/{id}/rating',
    summary: 'Set own rating',
    auth: 'identity',
    request: canon.SetRatingRequest,
    status: 200,
    response: canon.MyBookState,
    budgets: ['writesPerIdentity'],
  },
  {
    method: 'delete',
    path: '/books/{id}/rating',
    summary: 'Remove own rating',
    auth: 'identity',
    status: 200,
    response: canon.MyBookState,
    budgets: ['writesPerIdentity'],
  },
  {
    method: 'put',
    path: '/books/{id}/tags',
    summary: 'Set own tags (replaces them)',
    auth: 'identity',
    request: canon.SetTagsRequest,
    status: 200,
    response: canon.MyBookState,
    budgets: ['writesPerIdentity'],
  },
  {
    method: 'post',
    path: '/books/{id}/links',
    summary:
      'Add a review link: http or https, no user name or password, a public host (no loopback, private or link-local address, no localhost); stored in its WHATWG-normalised form, and 409 when that form is already listed',
    auth: 'identity',
    request: canon.AddReviewLinkRequest,
    status: 201,
    response: canon.AddedReviewLink,
    budgets: ['writesPerIdentity'],
  },
  {
    method: 'get',
    path: '/nominations',
    summary: 'Nominations of books not in the canon',
    query: { status: 'open (default), accepted or declined' },
    status: 200,
    response: canon.NominationList,
  },
  {
    method: 'get',
    path: '/nominations/{id}',
    summary: 'A public nomination by its id (what a browser asks once its canon index names it)',
    status: 200,
    response: canon.NominationSummary,
  },
  {
    method: 'post',
    path: '/nominations',
    summary: 'Nominate a book (seconds an existing nomination of the same book)',
    auth: 'identity',
    request: canon.NominateRequest,
    status: 201,
    response: canon.NominationSummary,
    budgets: ['writesPerIdentity'],
  },
  {
    method: 'get',
    path: '/nominations/{id}/mine',
    summary:
      "The calling reader's part in a nomination: whether they (as a person, from any browser) made it or support it",
    auth: 'identity',
    status: 200,
    response: canon.MyNominationState,
  },
  {
    method: 'post',
    path: '/nominations/{id}/seconds',
    summary: 'Second a nomination',
    auth: 'identity',
    request: canon.SecondNominationRequest,
    status: 200,
    response: canon.NominationSummary,
    budgets: ['writesPerIdentity'],
  },
  {
    method: 'get',
    path: '/feeds/comments.atom',
    summary: 'Atom feed of recent comments',
    status: 200,
    contentType: 'application/atom+xml',
  },
  {
    method: 'get',
    path: '/books/{id}/comments.atom',
    summary: 'Atom feed of recent comments on one book',
    status: 200,
    contentType: 'application/atom+xml',
  },
  {
    method: 'get',
    path: '/admin/queue',
    summary: 'Moderation queue: waiting and flagged comments, open nominations',
    auth: 'admin',
    status: 200,
  },
  {
    method: 'post',
    path: '/admin/comments/{id}/approve',
    summary: 'Publish a comment',
    auth: 'admin',
    status: 200,
    response: canon.Accepted,
  },
  {
    method: 'post',
    path: '/admin/comments/{id}/deny',
    summary: 'Deny a comment',
    auth: 'admin',
    status: 200,
    response: canon.Accepted,
  },
  {
    method: 'post',
    path: '/admin/comments/{id}/spam',
    summary: 'Mark a comment as spam',
    auth: 'admin',
    status: 200,
    response: canon.Accepted,
  },
  {
    method: 'post',
    path: '/admin/nominations/{id}/accept',
    summary: 'Accept a nomination into the canon',
    auth: 'admin',
    request: canon.AcceptNominationRequest,
    status: 201,
  },
  {
    method: 'post',
    path: '/admin/nominations/{id}/decline',
    summary: 'Decline a nomination',
    auth: 'admin',
    status: 200,
    response: canon.Accepted,
  },
  { method: 'get', path: '/openapi.json', summary: 'This document', status: 200 },
];
