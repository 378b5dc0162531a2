import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '../../lib/background/dispatch';
import type { BookView, IdentityView, PendingWrite } from '../../lib/shared/messages/views';
import { canonServerItem } from '../../lib/shared/settings/items';
import { startCanonServer, type CanonServerHandle } from '../server/harness';
import { offline, senders, startHarness, type Harness } from './support/background-harness';

const WE_THINK = {
  isbn13: ['9781861978370'],
  title: 'We-Think',
  authors: ['Charles Leadbeater'],
  site: 'amazon',
  signals: ['site:amazon'],
};

describe('the background against the real canon server over HTTP', () => {
  let server: CanonServerHandle;
  let h: Harness;
  const send = async <T>(name: string, data: unknown, sender: unknown = senders.popup) => {
    const reply = await dispatch(h.ctx, name, data, sender);
    if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`);
    return reply.value as T;
  };

  beforeAll(async () => {
    server = await startCanonServer();
    h = await startHarness((input, init) => fetch(input, init));
    const origin = new URL(server.url).origin;
    h.granted.add(`${origin}/*`);
    expect((await dispatch(h.ctx, 'setServerAddress', { url: server.url }, senders.options)).ok).toBe(true);
    expect(await canonServerItem.getValue()).toBe(origin);
    // The address change started the index sync; wait for it (the same sync, not a second one).
    expect(await h.ctx.canonIndex.sync()).toMatch(/replaced|unchanged/);
  });
  afterAll(async () => {
    h.ctx.db.close();
    await server.stop();
  });

  it('shows the canon entry, its chapters and the badge for a reported page', async () => {
    expect(await send('reportPageBook', WE_THINK, senders.contentScript)).toBeNull();
    const view = await send<BookView>('getTabBook', { tabId: 7 }, senders.sidebarFrame);
    expect(view.canon).toMatchObject({
      origin: 'server',
      stale: false,
      answer: { inCanon: true, entry: { id: 'we-think' } },
    });
    expect(view.chapters?.source).toBe('canon');
    expect(view.chapters?.chapters[0]?.title).toBe('You are what you share');
    expect(view.identity).toEqual({ registered: false, confirmed: false });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).not.toBe('');
    // The content script sees public data only.
    const publicView = await send<Record<string, unknown>>('getPageBookView', undefined, senders.contentScript);
    expect(Object.keys(publicView).sort()).toEqual(['book', 'canon', 'chapters']);
  });

  it('keeps a comment made before any identity, sends it once one is registered, and publishes it after confirmation', async () => {
    const pending = await send<PendingWrite>('postComment', { bookId: 'we-think', body: 'Read it twice.' });
    expect(pending.state).toBe('waiting-for-identity');
    await h.ctx.outbox.flush();
    expect((await send<PendingWrite[]>('listOutbox', undefined))[0]?.state).toBe('waiting-for-identity');

    const identity = await send<IdentityView>(
      'registerIdentity',
      { name: 'Ada Reader', email: 'ada@example.org' },
      senders.options,
    );
    expect(identity).toMatchObject({ name: 'Ada Reader', email: 'ada@example.org', confirmed: false });
    expect(identity).not.toHaveProperty('secret');
    await h.ctx.outbox.flush();
    expect(await send<PendingWrite[]>('listOutbox', undefined)).toEqual([]);

    // Waiting: visible to its author only. The seed page's three comments of 2010 are there for everyone.
    const written = (comments: { createdAt: string }[]) => comments.filter((c) => c.createdAt > '2011');
    const mine = await (await fetch(`${server.api}/books/we-think/comments`)).json();
    expect(mine.comments).toHaveLength(3);
    expect(written(mine.comments)).toEqual([]);
    const own = await send<{ page: { comments: { body: string; status: string; createdAt: string }[] } }>(
      'getComments',
      { bookId: 'we-think' },
    );
    expect(written(own.page.comments)).toEqual([
      expect.objectContaining({ body: 'Read it twice.', status: 'waiting' }),
    ]);

    const mail = await server.nextMail('ada@example.org');
    expect(mail.link).not.toBeNull();
    expect((await fetch(mail.link!)).status).toBe(200);
    const confirmed = await send<IdentityView>('getIdentity', { recheck: true }, senders.options);
    expect(confirmed.confirmed).toBe(true);
    const published = await (await fetch(`${server.api}/books/we-think/comments`)).json();
    expect(written(published.comments)).toEqual([
      expect.objectContaining({ body: 'Read it twice.', status: 'published' }),
    ]);
  });

  it('sets a rating and tags in order and shows them as mine', async () => {
    await send('setRating', { bookId: 'we-think', value: 3 });
    await send('setRating', { bookId: 'we-think', value: 4.5 });
    await send('setTags', { bookId: 'we-think', tags: ['Innovation', 'web'] });
    await h.ctx.outbox.flush();
    // No refresh asked: delivery itself dropped the cached canon answer, so the summary is current.
    const view = await send<BookView>('getTabBook', { tabId: 7 }, senders.sidebarFrame);
    expect(view.mine).toMatchObject({ rating: 4.5, tags: ['innovation', 'web'], provisional: false });
    expect(view.canon?.answer).toMatchObject({ inCanon: true, entry: { rating: { average: 4.5, count: 1 } } });
    expect(view.pending).toEqual([]);
  });

  it('marks a write the server refuses as failed, for the reader to see', async () => {
    await send('addReviewLink', { bookId: 'no-such-book', url: 'https://example.org/r', title: 'Review' });
    await h.ctx.outbox.flush();
    const [row] = await send<PendingWrite[]>('listOutbox', undefined);
    expect(row).toMatchObject({ state: 'failed', intent: { kind: 'link' } });
    expect(await send('discardOutbox', { id: row!.id })).toBeNull();
  });

  it('falls back to the embedded canon when the server is unreachable', async () => {
    const down = await startHarness(offline);
    const { loadCanonSnapshot } = await import('../../lib/background/canon/snapshot');
    const { buildCanonSnapshot } = await import('../../scripts/canon-snapshot');
    await loadCanonSnapshot(down.ctx.db, buildCanonSnapshot());
    // As a worker start does: the snapshot seeds the index; the sync fails, offline.
    await down.ctx.canonIndex.start(true);
    expect(await dispatch(down.ctx, 'reportPageBook', WE_THINK, senders.contentScript)).toEqual({
      ok: true,
      value: null,
    });
    const view = await dispatch(down.ctx, 'getTabBook', { tabId: 7 }, senders.popup);
    expect(view.ok && (view.value as BookView).canon).toMatchObject({
      origin: 'snapshot',
      answer: { inCanon: true, entry: { id: 'we-think' } },
    });
    expect(view.ok && (view.value as BookView).chapters?.source).toBe('canon');
    // The curators' review links and the description travel with the snapshot, as the server seeds them.
    const entry =
      view.ok && (view.value as BookView).canon?.answer.inCanon ? (view.value as BookView).canon!.answer : null;
    const links = entry && 'entry' in entry ? entry.entry.links : [];
    expect(links.map((l) => l.title)).toContain('podnosh.com');
    expect(links.every((l) => l.source === 'canon' && /^https?:\/\//.test(l.url))).toBe(true);
    const described = buildCanonSnapshot().books.filter((b) => b.description);
    expect(described.length).toBeGreaterThan(0);
    down.ctx.db.close();
  });
});
