import 'fake-indexeddb/auto';
import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch, messageRule } from '../../lib/background/dispatch';
import { MESSAGE_NAMES } from '../../lib/background/handlers';
import { classifySender } from '../../lib/background/core/sender';
import {
  offline,
  senders,
  startHarness,
  EXTENSION_ID,
  EXTENSION_ROOT,
  type Harness,
} from './support/background-harness';

const BOOK = {
  isbn13: ['9781861978370'],
  title: 'We-Think',
  authors: ['Charles Leadbeater'],
  site: 'amazon',
  signals: ['site:amazon'],
};

/** One valid payload per message, to show that refusals come from the sender check, not the payload. */
const VALID: Record<string, unknown> = {
  reportPageBook: BOOK,
  reportPageDetecting: undefined,
  getPageBookView: undefined,
  loadBookCheck: undefined,
  loadCloserLook: undefined,
  loadGenericPagePass: undefined,
  getPageBookStanding: undefined,
  rememberSidebarOpen: { open: true },
  loadPlatformAdapters: undefined,
  loadSidebarControls: undefined,
  getTabBook: { tabId: 7 },
  getComments: { bookId: 'we-think' },
  postComment: { bookId: 'we-think', body: 'Worth reading slowly.' },
  setRating: { bookId: 'we-think', value: 4.5 },
  removeRating: { bookId: 'we-think' },
  setTags: { bookId: 'we-think', tags: ['innovation'] },
  addReviewLink: { bookId: 'we-think', url: 'https://example.org/review', title: 'A review' },
  flagComment: { bookId: 'we-think', commentId: 'c1', reason: 'spam' },
  editComment: { bookId: 'we-think', commentId: 'c1', body: 'Worth reading twice.', spoiler: false },
  deleteComment: { bookId: 'we-think', commentId: 'c1' },
  nominateBook: { title: 'Sabriel', authors: ['Garth Nix'], reason: 'A classic.' },
  secondNomination: { nominationId: 'n1' },
  registerIdentity: { name: 'Ada', email: 'ada@example.org' },
  getIdentity: undefined,
  resendConfirmation: undefined,
  forgetIdentity: undefined,
  getSettings: undefined,
  setServerAddress: { url: null },
  updateSettings: { theme: 'dark' },
  listOutbox: undefined,
  retryOutbox: { id: null },
  discardOutbox: { id: 'x' },
  exportData: undefined,
  importData: {
    format: 'bookside-export',
    version: 1,
    exportedAt: '2025-01-01T00:00:00Z',
    server: 'http://127.0.0.1:8787',
    identity: null,
    settings: {},
    writes: [],
  },
  clearCache: undefined,
  openOptions: undefined,
  getDraft: { bookId: 'we-think' },
  saveDraft: { bookId: 'we-think', draft: { body: 'Half a thought', spoiler: false } },
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness(offline);
});
afterAll(() => h.ctx.db.close());

async function nothingWritten() {
  const db = h.ctx.db;
  expect(await db.count('outbox')).toBe(0);
  expect(await db.count('identities')).toBe(0);
  expect(await db.count('cache')).toBe(0);
  expect(await db.count('drafts')).toBe(0);
  expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  expect(h.fetchCalls).toEqual([]);
}

describe('sender classification', () => {
  const classify = (s: unknown) => classifySender(s, EXTENSION_ID, EXTENSION_ROOT).kind;
  it('tells content scripts, extension pages and strangers apart by URL, not by tab', () => {
    expect(classify(senders.contentScript)).toBe('content-script');
    expect(classify(senders.sidebarFrame)).toBe('extension-page');
    expect(classify(senders.popup)).toBe('extension-page');
    expect(classify(senders.options)).toBe('extension-page');
    for (const s of [
      senders.otherExtension,
      senders.otherExtensionClaimingOurId,
      senders.fileTab,
      senders.noUrl,
      senders.notAnObject,
      null,
      undefined,
    ]) {
      expect(classify(s)).toBe('unknown');
    }
  });

  it('covers every message with a valid payload sample', () => {
    expect(Object.keys(VALID).sort()).toEqual([...MESSAGE_NAMES].sort());
    for (const name of MESSAGE_NAMES) expect(v.is(messageRule(name)!.payload, VALID[name]), name).toBe(true);
  });
});

describe('privileged messages', () => {
  const privileged = MESSAGE_NAMES.filter((name) => messageRule(name)!.from === 'extension-page');

  it.each(privileged)('%s is refused from a content script, with a valid payload, and writes nothing', async (name) => {
    for (const sender of [
      senders.contentScript,
      senders.otherExtension,
      senders.otherExtensionClaimingOurId,
      senders.fileTab,
    ]) {
      const reply = await dispatch(h.ctx, name, VALID[name], sender);
      expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden-sender' }) });
    }
    await nothingWritten();
  });

  it('content-script messages are refused from extension pages and strangers', async () => {
    for (const name of MESSAGE_NAMES.filter((n) => messageRule(n)!.from === 'content-script')) {
      for (const sender of [senders.popup, senders.sidebarFrame, senders.otherExtension, senders.noUrl]) {
        expect((await dispatch(h.ctx, name, VALID[name], sender)).ok).toBe(false);
      }
    }
    await nothingWritten();
  });
});

describe('message fuzzing', () => {
  const payload = fc.oneof(
    fc.anything({ withNullPrototype: true, withObjectString: true, withSparseArray: true }),
    fc.jsonValue(),
    fc.record(
      {
        bookId: fc.oneof(fc.string(), fc.anything()),
        body: fc.oneof(fc.string(), fc.anything()),
        tabId: fc.oneof(fc.integer(), fc.anything()),
        url: fc.oneof(fc.webUrl(), fc.string()),
        value: fc.oneof(fc.double(), fc.anything()),
        isbn13: fc.array(fc.string()),
        __proto__: fc.anything(),
      },
      { requiredKeys: [] },
    ),
  );
  const sender = fc.constantFrom(...Object.values(senders), null, undefined);

  it.each(MESSAGE_NAMES)(
    '%s: 2,000 arbitrary payloads from every kind of sender get an error value and write nothing',
    async (name) => {
      await fc.assert(
        fc.asyncProperty(payload, sender, async (data, from) => {
          const caller = classifySender(from, EXTENSION_ID, EXTENSION_ROOT).kind;
          fc.pre(!(caller === messageRule(name)!.from && v.is(messageRule(name)!.payload, data)));
          const reply = await dispatch(h.ctx, name, data, from);
          expect(reply.ok).toBe(false);
          expect(h.fetchCalls).toEqual([]);
        }),
        { numRuns: 2_000 },
      );
      await nothingWritten();
      expect(Object.prototype).not.toHaveProperty('polluted');
    },
  );

  it('unknown message names are refused', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'deleteEverything']) {
      expect(await dispatch(h.ctx, name, {}, senders.popup)).toMatchObject({
        ok: false,
        error: { code: 'unknown-message' },
      });
    }
  });
});
