import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../lib/shared/api/limits';
import {
  addTag,
  checkComment,
  checkEmail,
  checkName,
  checkReviewLink,
  checkServerUrl,
} from '../../lib/pages/reader-input';
import { hostPattern } from '../../lib/shared/settings/defaults';

describe('reader input checks', () => {
  it('checks names: trimmed, required, bounded, no control characters', () => {
    expect(checkName('  Qin   Han ')).toEqual({ ok: true, value: 'Qin Han' });
    expect(checkName('   ')).toEqual({ ok: false, reason: 'required' });
    expect(checkName('x'.repeat(LIMITS.nameMax + 1))).toEqual({ ok: false, reason: 'too-long' });
    expect(checkName('Qin\u0007Han')).toEqual({ ok: false, reason: 'control-characters' });
  });

  it('checks e-mail addresses loosely', () => {
    expect(checkEmail(' qin@example.org ')).toEqual({ ok: true, value: 'qin@example.org' });
    expect(checkEmail('qin.example.org')).toEqual({ ok: false, reason: 'email' });
    expect(checkEmail('qin@localhost')).toEqual({ ok: false, reason: 'email' });
  });

  it('keeps line breaks in comments and counts code points', () => {
    expect(checkComment(' one\ntwo ')).toEqual({ ok: true, value: 'one\ntwo' });
    expect(checkComment('😀'.repeat(LIMITS.commentMax)).ok).toBe(true);
    expect(checkComment('😀'.repeat(LIMITS.commentMax + 1))).toEqual({ ok: false, reason: 'too-long' });
  });

  it('accepts https servers anywhere and http only on this machine', () => {
    expect(checkServerUrl('https://canon.example.org/')).toEqual({ ok: true, value: 'https://canon.example.org' });
    expect(checkServerUrl('https://example.org/canon/?x=1#y')).toEqual({
      ok: true,
      value: 'https://example.org/canon',
    });
    expect(checkServerUrl('http://127.0.0.1:8787')).toEqual({ ok: true, value: 'http://127.0.0.1:8787' });
    expect(checkServerUrl('http://localhost:8787/')).toEqual({ ok: true, value: 'http://localhost:8787' });
    expect(checkServerUrl('http://canon.example.org')).toEqual({ ok: false, reason: 'url-insecure' });
    expect(checkServerUrl('ftp://canon.example.org')).toEqual({ ok: false, reason: 'url-scheme' });
    expect(checkServerUrl('https://user:pw@canon.example.org')).toEqual({ ok: false, reason: 'url-credentials' });
    expect(checkServerUrl('canon')).toEqual({ ok: false, reason: 'url' });
    expect(hostPattern('https://example.org/canon')).toBe('https://example.org/*');
  });

  it('checks review links', () => {
    expect(checkReviewLink('https://example.org/r', '  A   review ')).toEqual({
      ok: true,
      value: { url: 'https://example.org/r', title: 'A review' },
    });
    expect(checkReviewLink('javascript:alert(1)', '')).toEqual({ ok: false, reason: 'url-scheme' });
    expect(checkReviewLink('', '')).toEqual({ ok: false, reason: 'required' });
  });

  it('adds tags normalised, once, and no more than the limit', () => {
    expect(addTag(['essays'], '  Web   Culture ')).toEqual({ ok: true, value: ['essays', 'web culture'] });
    expect(addTag(['essays'], 'ESSAYS')).toEqual({ ok: true, value: ['essays'] });
    expect(addTag([], 'x'.repeat(LIMITS.tagMax + 1))).toEqual({ ok: false, reason: 'too-long' });
    const full = Array.from({ length: LIMITS.tagsPerBook }, (_, i) => `t${i}`);
    expect(addTag(full, 'one more')).toEqual({ ok: false, reason: 'too-many-tags' });
  });
});
