// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageContext, followingNavigation, LOCATION_POLL_MS } from '../../lib/content/page-context';

describe('the content script’s page context', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs timers while the extension is there, and none after it is gone', () => {
    let alive = true;
    const ctx = createPageContext(() => alive);
    const ran: string[] = [];
    ctx.setTimeout(() => ran.push('first'), 100);
    vi.advanceTimersByTime(100);
    ctx.setTimeout(() => ran.push('second'), 100);
    alive = false;
    vi.advanceTimersByTime(100);
    expect(ran).toEqual(['first']);
    expect(ctx.isValid).toBe(false);
    expect(ctx.signal.aborted).toBe(true);
  });

  it('watches the address only where the site navigates in place', () => {
    expect(createPageContext(() => true).onLocationChange).toBeUndefined();
    expect(followingNavigation(createPageContext(() => true)).onLocationChange).toBeTypeOf('function');
  });

  it('tells of single-page navigation, and stops telling once invalidated', () => {
    let alive = true;
    const ctx = followingNavigation(createPageContext(() => alive));
    const seen: string[] = [];
    ctx.onLocationChange?.(() => seen.push(location.pathname));
    history.pushState({}, '', '/book/show/1');
    vi.advanceTimersByTime(LOCATION_POLL_MS);
    vi.advanceTimersByTime(LOCATION_POLL_MS);
    expect(seen).toEqual(['/book/show/1']);
    alive = false;
    history.pushState({}, '', '/book/show/2');
    vi.advanceTimersByTime(LOCATION_POLL_MS);
    expect(seen).toEqual(['/book/show/1']);
  });

  it('calls the invalidation callbacks once', () => {
    let alive = true;
    const ctx = createPageContext(() => alive);
    const onGone = vi.fn();
    ctx.onInvalidated(onGone);
    alive = false;
    expect(ctx.isValid).toBe(false);
    expect(ctx.isValid).toBe(false);
    expect(onGone).toHaveBeenCalledTimes(1);
  });
});
