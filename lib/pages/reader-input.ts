/**
 * Checks on what a reader types into the options page, popup and sidebar
 * forms, before anything is saved or queued. Each answer is a value or the
 * reason it was refused; the UI turns the reason into a localised sentence,
 * so these functions never carry display text.
 */
import { LIMITS } from '../shared/api/limits';
import { codePointLength, isAcceptableText, normalizeTag } from '../shared/api/text';

export type InputRefusal =
  | 'required'
  | 'too-long'
  | 'control-characters'
  | 'email'
  | 'url'
  | 'url-scheme'
  | 'url-insecure'
  | 'url-credentials'
  | 'too-many-tags';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: InputRefusal };

function refuse<T>(reason: InputRefusal): Checked<T> {
  return { ok: false, reason };
}

function checkText(raw: string, max: number, multiline: boolean): Checked<string> {
  const text = multiline ? raw.trim() : raw.trim().replace(/\s+/gu, ' ');
  if (text === '') return refuse('required');
  if (codePointLength(text) > max) return refuse('too-long');
  if (!isAcceptableText(text, multiline)) return refuse('control-characters');
  return { ok: true, value: text };
}

export function checkName(raw: string): Checked<string> {
  return checkText(raw, LIMITS.nameMax, false);
}

// Deliberately loose: one @, something before it, a dot in the domain. The
// confirmation e-mail is the real test of an address.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

export function checkEmail(raw: string): Checked<string> {
  const text = raw.trim();
  if (text === '') return refuse('required');
  if (text.length > LIMITS.emailMax) return refuse('too-long');
  if (!EMAIL_SHAPE.test(text)) return refuse('email');
  return { ok: true, value: text };
}

export function checkComment(raw: string): Checked<string> {
  return checkText(raw, LIMITS.commentMax, true);
}

export function checkNominationReason(raw: string): Checked<string> {
  return checkText(raw, LIMITS.nominationReasonMax, true);
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A canon server address: https anywhere, plain http only on this machine
 * (the development server). Returned without a trailing slash, query or
 * fragment, so `${value}/api/v1/…` is always well formed.
 */
export function checkServerUrl(raw: string): Checked<string> {
  const text = raw.trim();
  if (text === '') return refuse('required');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse('url-scheme');
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) return refuse('url-insecure');
  if (url.username !== '' || url.password !== '') return refuse('url-credentials');
  return { ok: true, value: `${url.origin}${url.pathname.replace(/\/+$/u, '')}` };
}

/** A review link: an http(s) address and an optional title. */
export function checkReviewLink(rawUrl: string, rawTitle: string): Checked<{ url: string; title: string }> {
  const url = rawUrl.trim();
  if (url === '') return refuse('required');
  if (url.length > LIMITS.urlMax) return refuse('too-long');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('url');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return refuse('url-scheme');
  if (parsed.username !== '' || parsed.password !== '') return refuse('url-credentials');
  const title = rawTitle.trim().replace(/\s+/gu, ' ');
  if (codePointLength(title) > LIMITS.linkTitleMax) return refuse('too-long');
  if (title !== '' && !isAcceptableText(title, false)) return refuse('control-characters');
  return { ok: true, value: { url: parsed.href, title } };
}

/** Adds one typed tag to a list, normalised and without duplicates. */
export function addTag(tags: readonly string[], raw: string): Checked<string[]> {
  const tag = normalizeTag(raw);
  if (tag === '') return refuse('required');
  if (codePointLength(tag) > LIMITS.tagMax) return refuse('too-long');
  if (!isAcceptableText(tag, false)) return refuse('control-characters');
  if (tags.includes(tag)) return { ok: true, value: [...tags] };
  if (tags.length >= LIMITS.tagsPerBook) return refuse('too-many-tags');
  return { ok: true, value: [...tags, tag] };
}
