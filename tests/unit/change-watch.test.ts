/**
 * An extension page watching the change feed, over the fake browser's
 * storage (its `onChanged` fires as the real one does) and a fake clock.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANGE_COALESCE_MS, CHANGE_MIN_INTERVAL_MS, watchChanges } from '../../lib/pages/change-watch';
import { CHANGE_FEED_KEY, type ChangeNotice, type ChangeTopic } from '../../lib/shared/messages/change-feed';

/** What the background's announcement writes. */
async function announce(topics: ChangeTopic[], tabId?: number): Promise<void> {
  const notice: ChangeNotice = { topics, at: Date.now(), ...(tabId === undefined ? {} : { tabId }) };
  await fakeBrowser.storage.local.set({ [CHANGE_FEED_KEY]: notice });
}

function watcher(watchedTab?: () => number | null) {
  const deliveries: ChangeTopic[][] = [];
  let batch: ChangeTopic[] | undefined;
  const stop = watchChanges((topic) => {
    // Topics delivered in one go arrive synchronously; a new batch starts after any await.
    if (!batch) {
      batch = [];
      deliveries.push(batch);
      queueMicrotask(() => (batch = undefined));
    }
    batch.push(topic);
  }, watchedTab);
  return { deliveries, stop };
}

describe('watching the change feed', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('delivers a notice’s topics once, after the coalescing window', async () => {
    const { deliveries } = watcher();
    await announce(['book', 'mine']);
    await vi.advanceTimersByTimeAsync(CHANGE_COALESCE_MS - 1);
    expect(deliveries).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(deliveries).toEqual([['book', 'mine']]);
    await vi.advanceTimersByTimeAsync(CHANGE_MIN_INTERVAL_MS * 2);
    expect(deliveries).toHaveLength(1);
  });

  it('handles a burst of notices as one delivery, each topic once', async () => {
    const { deliveries } = watcher();
    await announce(['outbox']);
    await vi.advanceTimersByTimeAsync(CHANGE_COALESCE_MS / 3);
    await announce(['outbox', 'book']);
    await vi.advanceTimersByTimeAsync(CHANGE_COALESCE_MS / 3);
    await announce(['book', 'comments']);
    await vi.advanceTimersByTimeAsync(CHANGE_COALESCE_MS);
    expect(deliveries).toEqual([['outbox', 'book', 'comments']]);
  });

  it('delivers at most once per interval while writes keep coming', async () => {
    const { deliveries } = watcher();
    await announce(['outbox']);
    await vi.advanceTimersByTimeAsync(CHANGE_COALESCE_MS);
    expect(deliveries).toHaveLength(1);

    const sinceDelivery = CHANGE_MIN_INTERVAL_MS / 4;
    await vi.advanceTimersByTimeAsync(sinceDelivery);
    await announce(['outbox']);
    // Well past the coalescing window, still inside the interval since the last delivery.
    await vi.advanceTimersByTimeAsync(CHANGE_MIN_INTERVAL_MS - sinceDelivery - 1);
    expect(deliveries).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(deliveries).toEqual([['outbox'], ['outbox']]);
  });

  it('waits only the coalescing window when the last delivery is long past', async () => {
    const { deliveries } = watcher();
    await announce(['settings']);
    await vi.advanceTimersByTimeAsync(CHANGE_COALESCE_MS);
    await vi.advanceTimersByTimeAsync(CHANGE_MIN_INTERVAL_MS * 3);
    await announce(['identity']);
    await vi.advanceTimersByTimeAsync(CHANGE_COALESCE_MS);
    expect(deliveries).toEqual([['settings'], ['identity']]);
  });

  it('ignores other storage areas, other keys and malformed notices', async () => {
    const { deliveries } = watcher();
    await fakeBrowser.storage.session.set({ [CHANGE_FEED_KEY]: { topics: ['book'], at: Date.now() } });
    await fakeBrowser.storage.sync.set({ [CHANGE_FEED_KEY]: { topics: ['book'], at: Date.now() } });
    await fakeBrowser.storage.local.set({ 'some-other-key': { topics: ['book'], at: Date.now() } });
    await fakeBrowser.storage.local.set({ [CHANGE_FEED_KEY]: { topics: 'book', at: Date.now() } });
    await fakeBrowser.storage.local.set({ [CHANGE_FEED_KEY]: { topics: ['book'] } });
    await fakeBrowser.storage.local.set({ [CHANGE_FEED_KEY]: 'book' });
    await announce([]);
    await vi.advanceTimersByTimeAsync(CHANGE_MIN_INTERVAL_MS * 2);
    expect(deliveries).toEqual([]);
  });

  it('gives a notice about one tab only to pages following that tab', async () => {
    let followed: number | null = 7;
    const sidebar = watcher(() => followed);
    const otherTab = watcher(() => 8);
    const options = watcher();

    await announce(['book'], 7);
    await vi.advanceTimersByTimeAsync(CHANGE_COALESCE_MS);
    expect(sidebar.deliveries).toEqual([['book']]);
    expect(otherTab.deliveries).toEqual([]);
    expect(options.deliveries).toEqual([]);

    // The tab followed is asked at each notice: a side panel follows the active tab.
    followed = 8;
    await vi.advanceTimersByTimeAsync(CHANGE_MIN_INTERVAL_MS);
    await announce(['book'], 7);
    await announce(['settings']);
    await vi.advanceTimersByTimeAsync(CHANGE_MIN_INTERVAL_MS);
    expect(sidebar.deliveries).toEqual([['book'], ['settings']]);
    expect(otherTab.deliveries).toEqual([['settings']]);
    expect(options.deliveries).toEqual([['settings']]);
  });

  it('stops listening, and drops a pending delivery, when stopped', async () => {
    const { deliveries, stop } = watcher();
    await announce(['comments']);
    stop();
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(false);
    await vi.advanceTimersByTimeAsync(CHANGE_MIN_INTERVAL_MS * 2);
    await announce(['comments']);
    await vi.advanceTimersByTimeAsync(CHANGE_MIN_INTERVAL_MS * 2);
    expect(deliveries).toEqual([]);
  });
});
