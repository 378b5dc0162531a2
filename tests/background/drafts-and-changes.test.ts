import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '../../lib/background/dispatch';
import { CHANGE_FEED_KEY, parseChangeNotice } from '../../lib/shared/messages/change-feed';
import { offline, senders, startHarness, type Harness } from './support/background-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness(offline);
});

const notice = async () => parseChangeNotice((await fakeBrowser.storage.local.get(CHANGE_FEED_KEY))[CHANGE_FEED_KEY]);

describe('comment drafts', () => {
  it('are kept per book until forgotten', async () => {
    const draft = { body: 'The chapter on open source is the heart of it', spoiler: true };
    expect(await dispatch(h.ctx, 'saveDraft', { bookId: 'we-think', draft }, senders.sidebarFrame)).toEqual({
      ok: true,
      value: null,
    });
    expect(await dispatch(h.ctx, 'getDraft', { bookId: 'we-think' }, senders.sidebarFrame)).toEqual({
      ok: true,
      value: draft,
    });
    expect(await dispatch(h.ctx, 'getDraft', { bookId: 'another-book' }, senders.sidebarFrame)).toEqual({
      ok: true,
      value: null,
    });
    await dispatch(h.ctx, 'saveDraft', { bookId: 'we-think', draft: null }, senders.sidebarFrame);
    expect(await dispatch(h.ctx, 'getDraft', { bookId: 'we-think' }, senders.sidebarFrame)).toEqual({
      ok: true,
      value: null,
    });
  });

  it('treat a blank draft as none', async () => {
    await dispatch(
      h.ctx,
      'saveDraft',
      { bookId: 'we-think', draft: { body: '  \n', spoiler: false } },
      senders.sidebarFrame,
    );
    expect(await h.ctx.db.count('drafts')).toBe(0);
  });

  it('are never readable by a content script', async () => {
    await dispatch(
      h.ctx,
      'saveDraft',
      { bookId: 'we-think', draft: { body: 'private words', spoiler: false } },
      senders.sidebarFrame,
    );
    const reply = await dispatch(h.ctx, 'getDraft', { bookId: 'we-think' }, senders.contentScript);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(JSON.stringify(reply)).not.toContain('private words');
  });
});

describe('change feed', () => {
  it('announces what a successful write changed', async () => {
    await dispatch(h.ctx, 'postComment', { bookId: 'we-think', body: 'Worth reading slowly.' }, senders.sidebarFrame);
    expect((await notice())?.topics).toEqual(expect.arrayContaining(['outbox', 'comments']));
  });

  it('announces nothing for a refused message or a read', async () => {
    await dispatch(h.ctx, 'postComment', { bookId: 'we-think', body: '' }, senders.sidebarFrame);
    await dispatch(h.ctx, 'postComment', { bookId: 'we-think', body: 'from the page' }, senders.contentScript);
    await dispatch(h.ctx, 'listOutbox', undefined, senders.options);
    expect(await notice()).toBeNull();
  });
});
