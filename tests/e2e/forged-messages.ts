/**
 * Messages a hostile page forges to drive the extension: every message type
 * of the real protocol with a payload that would do harm if obeyed, wrapped
 * the ways an extension might listen (the @webext-core/messaging runtime
 * envelope, its window and custom-event bridges, bare `{type, data}`), plus
 * random JSON from fast-check. Plain data, so they cross into the page.
 */
import fc from 'fast-check';
import type { MessageName } from '../../lib/shared/messages/protocol';

export interface ForgedMessage {
  /** The event or attribute name to use when the channel needs one. */
  name: string;
  message: unknown;
}

const FORGED_BOOK = {
  isbn13: ['9781861978370'],
  title: 'Forged',
  authors: ['Mallory'],
  site: 'openlibrary',
  signals: ['forged'],
};

/** A payload for each message that, if obeyed, would write, leak or change something. */
const HARMFUL_PAYLOADS: Record<MessageName, unknown> = {
  reportPageBook: FORGED_BOOK,
  reportPageDetecting: undefined,
  getPageBookView: undefined,
  loadBookCheck: undefined,
  loadCloserLook: undefined,
  loadGenericPagePass: undefined,
  getPageBookStanding: undefined,
  rememberSidebarOpen: { open: true },
  loadPlatformAdapters: undefined,
  loadSidebarControls: undefined,
  getTabBook: { tabId: 1 },
  getComments: { bookId: 'we-think' },
  postComment: { bookId: 'we-think', body: 'Forged by the page' },
  setRating: { bookId: 'we-think', value: 0.5 },
  removeRating: { bookId: 'we-think' },
  setTags: { bookId: 'we-think', tags: ['forged'] },
  addReviewLink: { bookId: 'we-think', url: 'https://mallory.test/review', title: 'Forged' },
  flagComment: { bookId: 'we-think', commentId: '00000000-0000-4000-8000-000000000000', reason: 'spam' },
  editComment: {
    bookId: 'we-think',
    commentId: '00000000-0000-4000-8000-000000000000',
    body: 'Forged edit',
    spoiler: false,
  },
  deleteComment: { bookId: 'we-think', commentId: '00000000-0000-4000-8000-000000000000' },
  nominateBook: { title: 'Forged nomination', authors: ['Mallory'], reason: 'forged' },
  secondNomination: { nominationId: 'forged' },
  registerIdentity: { name: 'Mallory', email: 'mallory@mallory.test' },
  getIdentity: { recheck: true },
  resendConfirmation: undefined,
  forgetIdentity: undefined,
  getSettings: undefined,
  setServerAddress: { url: 'https://mallory.test' },
  updateSettings: {
    sites: { openlibrary: false },
    anySite: true,
    sidebar: { side: 'left', open: false, placement: 'browser' },
    sidebarOpen: true,
    showOn: 'in-canon',
    theme: 'dark',
  },
  getDraft: { bookId: 'we-think' },
  saveDraft: { bookId: 'we-think', draft: { body: 'forged draft', spoiler: false } },
  listOutbox: undefined,
  retryOutbox: { id: null },
  discardOutbox: { id: 'forged' },
  exportData: undefined,
  importData: {
    format: 'bookside-export',
    version: 1,
    exportedAt: '2024-01-01T00:00:00Z',
    server: 'https://mallory.test',
    identity: { name: 'Mallory', email: 'mallory@mallory.test' },
    settings: { anySite: true },
    writes: [],
  },
  clearCache: undefined,
  openOptions: undefined,
};

// The Record type makes the compiler insist on a payload for every message of the protocol.
const MESSAGE_NAMES = Object.keys(HARMFUL_PAYLOADS) as MessageName[];

type Wrap = (type: string, data: unknown, n: number) => unknown;

const WRAPPERS: readonly Wrap[] = [
  // The runtime envelope the extension really uses.
  (type, data, n) => ({ id: n, type, data, timestamp: Date.now() }),
  (type, data) => ({ type, data }),
  (type, data) => ({ type, payload: data, source: 'bookside' }),
  // @webext-core/messaging's window bridge…
  (type, data, n) => ({
    type: '@webext-core/messaging/window',
    message: { id: n, type, data, timestamp: Date.now() },
    senderOrigin: 'https://openlibrary.org',
    namespace: 'bookside',
    instanceId: `forged-${n}`,
  }),
  // …and its custom-event bridge.
  (type, data, n) => ({
    message: { id: n, type, data, timestamp: Date.now() },
    namespace: 'bookside',
    instanceId: `forged-${n}`,
  }),
  // A response, as if the background had answered something.
  (type, _data, n) => ({ id: n, type, res: { ok: true, value: null } }),
];

/** `count` forged messages: the protocol imitations first, in rounds, then random JSON to fill up. */
export function forgedMessages(count: number, seed = 7): ForgedMessage[] {
  const imitations: ForgedMessage[] = [];
  const rounds = Math.ceil((count * 0.8) / (MESSAGE_NAMES.length * WRAPPERS.length));
  for (let round = 0; round < rounds; round++) {
    for (const type of MESSAGE_NAMES) {
      for (const [w, wrap] of WRAPPERS.entries()) {
        const name = [type, '@webext-core/messaging/custom-events', 'bookside', 'message'][(round + w) % 4] ?? type;
        imitations.push({ name, message: wrap(type, HARMFUL_PAYLOADS[type], imitations.length) });
      }
    }
  }
  const random = fc.sample(
    fc.record({ name: fc.constantFrom(...MESSAGE_NAMES, 'bookside', 'message'), message: fc.jsonValue() }),
    { numRuns: Math.max(0, count - imitations.length), seed },
  );
  return [...imitations, ...random].slice(0, count);
}
