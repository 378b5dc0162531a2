/**
 * The sidebar framed before its page was parsed (lib/content/early-frame)
 * asks for the tab's book while the page is still being read. The background
 * holds that first question until the page reports, so the sidebar's first
 * answer is the book (or none), never a "no book" that a change notice
 * corrects later; and the page's report and the sidebar's question share one
 * canon lookup.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../lib/background/dispatch';
import { loadCanonSnapshot } from '../../lib/background/canon/snapshot';
import { seedIndexFromSnapshot } from '../../lib/background/canon-index/state';
import { canonLookup } from '../../lib/background/canon/lookup';
import { saveTabReport, whenDetected } from '../../lib/background/tabs/tab-reports';
import type { BookRef } from '../../lib/shared/book-ref';
import type { Result } from '../../lib/shared/messages/result';
import type { BookView } from '../../lib/shared/messages/views';
import { buildCanonSnapshot } from '../../scripts/canon-snapshot';
import { offline, senders, startHarness, type Harness } from './support/background-harness';

const WE_THINK: BookRef = {
  isbn13: ['9781861978370'],
  title: 'We-Think',
  authors: ['Charles Leadbeater'],
  site: 'amazon',
  signals: ['jsonld'],
};
const TAB = senders.contentScript.tab.id;
/** The sidebar framed into the content script's tab, as the page agent frames it. */
const SIDEBAR_IN_PAGE = { ...senders.sidebarFrame, url: `${senders.sidebarFrame.url}?in-page=1` };

let h: Harness;
beforeEach(async () => {
  h = await startHarness(offline);
  await loadCanonSnapshot(h.ctx.db, buildCanonSnapshot());
  await seedIndexFromSnapshot(h.ctx.db, Date.now());
});
afterEach(() => h.ctx.db.close());

const report = (book: BookRef | null) => dispatch(h.ctx, 'reportPageBook', book, senders.contentScript);
const detecting = () => dispatch(h.ctx, 'reportPageDetecting', undefined, senders.contentScript);
const firstQuestion = () =>
  dispatch(h.ctx, 'getTabBook', { waitForDetection: true }, SIDEBAR_IN_PAGE) as Promise<Result<BookView | null>>;

/** Whether `promise` has settled once everything already queued has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 30));
  return done;
}

describe('the early sidebar’s first question', () => {
  it('waits while the page is read, and is answered with the book the page then reports', async () => {
    expect(await detecting()).toEqual({ ok: true, value: null });
    const answer = firstQuestion();
    expect(await settled(answer)).toBe(false);

    expect(await report(WE_THINK)).toEqual({ ok: true, value: null });
    const view = await answer;
    expect(view.ok && view.value?.book).toEqual(WE_THINK);
    expect(view.ok && view.value?.canon?.answer).toMatchObject({ inCanon: true, entry: { title: 'We-Think' } });
    expect(view.ok && view.value?.tabId).toBe(TAB);
  });

  it('is answered with no book when the page turns out not to be one', async () => {
    await detecting();
    const answer = firstQuestion();
    await report(null);
    expect(await answer).toEqual({ ok: true, value: null });
  });

  it('is answered at once when the page was read before the sidebar asked', async () => {
    await detecting();
    await report(WE_THINK);
    const view = await firstQuestion();
    expect(view.ok && view.value?.book).toEqual(WE_THINK);
  });

  it('does not wait when asked without waiting (later questions, other pages)', async () => {
    await report(WE_THINK);
    await detecting();
    expect(await dispatch(h.ctx, 'getTabBook', {}, SIDEBAR_IN_PAGE)).toEqual({ ok: true, value: null });
    expect(await dispatch(h.ctx, 'getTabBook', { tabId: TAB }, senders.popup)).toEqual({ ok: true, value: null });
  });

  it('clears the last page’s book as soon as the next page is being read', async () => {
    await report(WE_THINK);
    const before = await dispatch(h.ctx, 'getTabBook', { tabId: TAB }, senders.popup);
    expect(before.ok && (before.value as BookView | null)?.book).toEqual(WE_THINK);
    await detecting();
    expect(await dispatch(h.ctx, 'getPageBookView', undefined, senders.contentScript)).toEqual({
      ok: true,
      value: null,
    });
  });

  it('is refused to a content script: only the sidebar may ask for the tab’s book', async () => {
    await detecting();
    const reply = await dispatch(h.ctx, 'getTabBook', { waitForDetection: true }, senders.contentScript);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('rejects a malformed wait flag', async () => {
    const reply = await dispatch(h.ctx, 'getTabBook', { waitForDetection: 'yes' }, SIDEBAR_IN_PAGE);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });
});

describe('waiting for a tab’s detection', () => {
  it('gives up after its bound, with what the tab has then (a page agent that never reports)', async () => {
    await saveTabReport(41, { url: 'https://example.org/', book: null, detecting: true });
    const started = Date.now();
    expect(await whenDetected(41, 40)).toMatchObject({ book: null, detecting: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('hears a report that lands while the stored one is still being read', async () => {
    await saveTabReport(42, { url: 'https://example.org/', book: null, detecting: true });
    const waiting = whenDetected(42, 5_000);
    // Saved in the same turn as the question: the waiter is registered first.
    void saveTabReport(42, { url: 'https://example.org/', book: WE_THINK });
    expect(await waiting).toEqual({ url: 'https://example.org/', book: WE_THINK });
  });

  it('answers every sidebar waiting on the tab, and only that tab’s', async () => {
    await saveTabReport(43, { url: 'https://example.org/a', book: null, detecting: true });
    await saveTabReport(44, { url: 'https://example.org/b', book: null, detecting: true });
    const first = whenDetected(43, 5_000);
    const second = whenDetected(43, 5_000);
    const other = whenDetected(44, 5_000);
    await saveTabReport(43, { url: 'https://example.org/a', book: WE_THINK });
    expect((await first)?.book).toEqual(WE_THINK);
    expect((await second)?.book).toEqual(WE_THINK);
    expect(await settled(other)).toBe(false);
    await saveTabReport(44, { url: 'https://example.org/b', book: null });
    expect(await other).toEqual({ url: 'https://example.org/b', book: null });
  });
});

describe('one lookup for the report and the question', () => {
  /** The background's context, counting its IndexedDB reads. */
  function counting() {
    let reads = 0;
    const db = new Proxy(h.ctx.db, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (property === 'get' || property === 'getAll' || property === 'transaction') reads += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    return { deps: { ...h.ctx, db }, reads: () => reads };
  }

  it('reads the index once for lookups of one book running at the same time', async () => {
    const alone = counting();
    await canonLookup(alone.deps, WE_THINK);
    expect(alone.reads()).toBeGreaterThan(0);

    const together = counting();
    const [badge, sidebar] = await Promise.all([
      canonLookup(together.deps, WE_THINK),
      canonLookup(together.deps, WE_THINK),
    ]);
    expect(sidebar).toEqual(badge);
    expect(together.reads()).toBe(alone.reads());
  });

  it('shares no finished answer: a later lookup reads again', async () => {
    const { deps, reads } = counting();
    await canonLookup(deps, WE_THINK);
    const once = reads();
    await canonLookup(deps, WE_THINK);
    expect(reads()).toBe(2 * once);
  });
});
