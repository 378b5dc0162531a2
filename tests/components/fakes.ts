/**
 * Fake backends and sample data for component tests. The book is the seed
 * canon page's (We-Think); every fake method is a spy answering `ok` unless a
 * test overrides it.
 */
import { vi } from 'vitest';
import type {
  SidebarBook,
  ChangeListener,
  OptionsBackend,
  PendingWrite,
  PopupBackend,
  ReaderSettings,
  SidebarBackend,
} from '../../components/backend';
import type { CanonEntry, Comment } from '../../lib/shared/api/responses';
import type { BookRef } from '../../lib/shared/book-ref';
import { fail, ok } from '../../lib/shared/messages/result';

export const WE_THINK_REF: BookRef = {
  isbn13: ['9781861978738'],
  title: 'We-Think',
  authors: ['Charles Leadbeater'],
  site: 'generic',
  signals: ['jsonld'],
};

export function weThinkEntry(overrides: Partial<CanonEntry> = {}): CanonEntry {
  return {
    id: 'book-we-think',
    title: 'We-Think',
    subtitle: 'Mass innovation, not mass production',
    authors: ['Charles Leadbeater'],
    publisher: 'Profile Books',
    year: 2009,
    isbn13: ['9781861978738'],
    isbn10: [],
    chapters: [],
    rating: { average: 3.5, count: 4, distribution: { '3': 1, '3.5': 2, '4.5': 1 }, provisional: 2 },
    tags: [
      { tag: 'collaboration', count: 3, provisionalCount: 0, provisional: false },
      { tag: 'web culture', count: 0, provisionalCount: 1, provisional: true },
    ],
    links: [
      {
        id: 'l1',
        url: 'https://www.theguardian.com/books/2008/mar/we-think',
        title: 'A review in The Guardian',
        source: 'canon',
      },
      { id: 'l2', url: 'javascript:alert(1)', title: 'Sneaky', source: 'reader' },
    ],
    commentCount: 3,
    nomination: null,
    ...overrides,
  };
}

export const WE_THINK_CHAPTERS = {
  source: 'page' as const,
  chapters: [
    { level: 1, label: '1', title: 'You are what you share', page: '1' },
    { level: 1, label: '2', title: 'The roots of We-Think', page: '31' },
    { level: 2, title: 'Open source', page: '40' },
  ],
};

export function inCanonView(overrides: Partial<CanonEntry> = {}): SidebarBook {
  return {
    ref: WE_THINK_REF,
    lookup: { inCanon: true, entry: weThinkEntry(overrides) },
    chapters: WE_THINK_CHAPTERS,
    stale: false,
  };
}

export function comment(id: string, overrides: Partial<Comment> = {}): Comment {
  return {
    id,
    bookId: 'book-we-think',
    authorName: 'Daniela Sangiorgi',
    body: 'The section on Public Services 2.0 is particularly interesting.',
    createdAt: '2010-06-14T08:39:00.000Z',
    spoiler: false,
    status: 'published',
    mine: false,
    ...overrides,
  };
}

export function pendingComment(id: string, state: PendingWrite['state']): PendingWrite {
  return {
    id,
    kind: 'comment',
    summary: 'How far will We-Think spread?',
    state,
    lastError: state === 'failed' ? 'Server refused.' : null,
    createdAt: Date.UTC(2026, 0, 5),
    bookTitle: 'We-Think',
  };
}

/** Listeners given to onChange, so a test can play the background's change notices. */
export class ChangeHub {
  readonly listeners = new Set<ChangeListener>();
  subscribe = (listener: ChangeListener) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
}

export function fakeSidebarBackend(overrides: Partial<SidebarBackend> = {}): SidebarBackend {
  const hub = new ChangeHub();
  return {
    loadBook: vi.fn(async () => ok<SidebarBook | null>(inCanonView())),
    loadComments: vi.fn(async () => ok({ comments: [comment('c1')], nextCursor: null, stale: false })),
    loadMine: vi.fn(async () => ok({ bookId: 'book-we-think', rating: 4, tags: ['essays'], provisional: false })),
    loadIdentity: vi.fn(async () => ok({ name: 'Qin Han', email: 'qin@example.org', confirmed: true })),
    loadPending: vi.fn(async () => ok<PendingWrite[]>([])),
    loadLayout: vi.fn(async () => ok({ open: true, side: 'right' as const, theme: 'system' as const })),
    saveLayout: vi.fn(async () => ok(null)),
    loadDraft: vi.fn(async () => ok(null)),
    saveDraft: vi.fn(async () => ok(null)),
    postComment: vi.fn(async () => ok(pendingComment('w1', 'waiting'))),
    flagComment: vi.fn(async () => ok(null)),
    setTags: vi.fn(async () => ok(null)),
    addLink: vi.fn(async () => ok(null)),
    nominate: vi.fn(async () => ok(null)),
    second: vi.fn(async () => ok(null)),
    resendConfirmation: vi.fn(async () => ok(null)),
    retryWrite: vi.fn(async () => ok(null)),
    openOptions: vi.fn(async () => ok(null)),
    onChange: vi.fn(hub.subscribe),
    ...overrides,
  };
}

export function fakePopupBackend(overrides: Partial<PopupBackend> = {}): PopupBackend {
  const hub = new ChangeHub();
  return {
    loadBook: vi.fn(async () =>
      ok({
        ref: WE_THINK_REF,
        lookup: { inCanon: true as const, entry: weThinkEntry() },
        mine: { bookId: 'book-we-think', rating: 3, tags: [], provisional: true },
        stale: false,
      }),
    ),
    loadIdentity: vi.fn(async () => ok({ name: 'Qin Han', email: 'qin@example.org', confirmed: false })),
    loadTheme: vi.fn(async () => ok('system' as const)),
    setRating: vi.fn(async () => ok(null)),
    setTags: vi.fn(async () => ok(null)),
    openSidebar: vi.fn(async () => ok(null)),
    openOptions: vi.fn(async () => ok(null)),
    onChange: vi.fn(hub.subscribe),
    ...overrides,
  };
}

export const DEFAULT_SETTINGS: ReaderSettings = {
  serverUrl: 'http://127.0.0.1:8787',
  anySite: false,
  sidebarSide: 'right',
  sidebarStartsOpen: false,
  sidebarPlace: 'page',
  theme: 'system',
};

export function fakeOptionsBackend(overrides: Partial<OptionsBackend> = {}): OptionsBackend {
  const hub = new ChangeHub();
  let settings = { ...DEFAULT_SETTINGS };
  return {
    loadIdentity: vi.fn(async () => ok(null)),
    register: vi.fn(async (name: string, email: string) => ok({ name, email, confirmed: false })),
    resendConfirmation: vi.fn(async () => ok(null)),
    forgetIdentity: vi.fn(async () => ok(null)),
    loadSettings: vi.fn(async () => ok({ ...settings })),
    saveSettings: vi.fn(async (change: Partial<ReaderSettings>) => {
      settings = { ...settings, ...change };
      return ok({ ...settings });
    }),
    requestHostPermission: vi.fn(async () => ok(true)),
    setAnySite: vi.fn(async () => ok(true)),
    loadSites: vi.fn(async () =>
      ok([
        { id: 'amazon', name: 'Amazon', enabled: true },
        { id: 'goodreads', name: 'Goodreads', enabled: false },
      ]),
    ),
    setSiteEnabled: vi.fn(async () => ok(null)),
    loadOutbox: vi.fn(async () => ok([pendingComment('w1', 'waiting'), pendingComment('w2', 'failed')])),
    retryWrite: vi.fn(async () => ok(null)),
    discardWrite: vi.fn(async () => ok(null)),
    exportData: vi.fn(async () => ok('{"ratings":[]}')),
    importData: vi.fn(async () => fail<{ imported: number }>('invalid-file', 'That file is not a Bookside export.')),
    clearCache: vi.fn(async () => ok(null)),
    onChange: vi.fn(hub.subscribe),
    ...overrides,
  };
}
