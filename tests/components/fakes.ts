/**
 * Fake backends and sample data for component tests. The book is the seed
 * canon page's (We-Think); every fake method is a spy answering `ok` unless a
 * test overrides it.
 */
import { vi } from 'vitest';
import type { ChangeListener, OptionsPort, PopupPort, SidebarPort } from '../../components/ports';
import type { CanonEntry, Comment, MyBookState, NominationSummary } from '../../lib/shared/api/responses';
import type { BookRef } from '../../lib/shared/book-ref';
import type { SettingsPatch } from '../../lib/shared/messages/payloads';
import { fail, ok } from '../../lib/shared/messages/result';
import type { BookView, ChapterList, CommentsView, PendingWrite, SettingsView } from '../../lib/shared/messages/views';
import { DEFAULT_SIDEBAR_LAYOUT } from '../../lib/shared/settings/defaults';

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
    published: '2009-07',
    description: null,
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

export const WE_THINK_CHAPTERS: ChapterList = {
  source: 'page',
  chapters: [
    { level: 1, label: '1', title: 'You are what you share', page: '1' },
    { level: 1, label: '2', title: 'The roots of We-Think', page: '31' },
    { level: 2, title: 'Open source', page: '40' },
  ],
};

/** The tab view of We-Think in the canon, as the background answers it. */
export function inCanonView(overrides: Partial<CanonEntry> = {}, view: Partial<BookView> = {}): BookView {
  return {
    book: WE_THINK_REF,
    canon: { answer: { inCanon: true, entry: weThinkEntry(overrides) }, origin: 'server', fetchedAt: 0, stale: false },
    chapters: WE_THINK_CHAPTERS,
    tabId: 7,
    url: 'https://www.amazon.co.uk/dp/1861978758',
    mine: { bookId: 'book-we-think', rating: 4, tags: ['essays'], provisional: false },
    pending: [],
    identity: { registered: true, confirmed: true },
    ...view,
  };
}

export const MY_STATE: MyBookState = { bookId: 'book-we-think', rating: 3, tags: [], provisional: true };

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
    intent: { kind: 'comment', bookId: 'book-we-think', body: 'How far will We-Think spread?', spoiler: false },
    createdAt: Date.UTC(2026, 0, 5),
    attempts: state === 'failed' ? 1 : 0,
    state,
    nextAttemptAt: null,
    error: state === 'failed' ? 'Server refused.' : null,
    bookTitle: 'We-Think',
  };
}

export const DEFAULT_SETTINGS: SettingsView = {
  serverUrl: 'http://127.0.0.1:8787',
  defaultServerUrl: 'http://127.0.0.1:8787',
  canonName: 'Service Design Canon',
  sites: {},
  anySite: false,
  sidebar: DEFAULT_SIDEBAR_LAYOUT,
  theme: 'system',
};

/** Settings with the in-page sidebar open, as most sidebar tests want it. */
export const OPEN_SIDEBAR_SETTINGS: SettingsView = {
  ...DEFAULT_SETTINGS,
  sidebar: { ...DEFAULT_SIDEBAR_LAYOUT, open: true },
};

/** One page of comments as the background answers it. */
export function commentsView(comments: Comment[], nextCursor: string | null = null, stale = false): CommentsView {
  return { page: { comments, nextCursor }, fetchedAt: 0, stale };
}

/** The tab view of a book the canon does not hold, with any open nomination. */
export function notInCanonView(nomination: NominationSummary | null = null, view: Partial<BookView> = {}): BookView {
  return inCanonView(
    {},
    {
      canon: { answer: { inCanon: false, nomination }, origin: 'server', fetchedAt: 0, stale: false },
      mine: null,
      ...view,
    },
  );
}

/** Listeners given to onChange, so a test can play the background's change notices. */
export class ChangeHub {
  readonly listeners = new Set<ChangeListener>();
  subscribe = (listener: ChangeListener) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
}

export function fakeSidebarPort(overrides: Partial<SidebarPort> = {}): SidebarPort {
  const hub = new ChangeHub();
  return {
    loadBook: vi.fn(async () => ok<BookView | null>(inCanonView())),
    loadComments: vi.fn(async () => ok(commentsView([comment('c1')]))),
    loadIdentity: vi.fn(async () => ok({ name: 'Qin Han', email: 'qin@example.org', confirmed: true })),
    loadSettings: vi.fn(async () => ok(OPEN_SIDEBAR_SETTINGS)),
    saveLayout: vi.fn(async () => ok(null)),
    loadDraft: vi.fn(async () => ok(null)),
    saveDraft: vi.fn(async () => ok(null)),
    postComment: vi.fn(async () => ok(pendingComment('w1', 'queued'))),
    flagComment: vi.fn(async () => ok(null)),
    copyText: vi.fn(async () => ok(null)),
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

export function fakePopupPort(overrides: Partial<PopupPort> = {}): PopupPort {
  const hub = new ChangeHub();
  return {
    loadBook: vi.fn(async () => ok<BookView | null>(inCanonView({}, { mine: MY_STATE }))),
    loadIdentity: vi.fn(async () => ok({ name: 'Qin Han', email: 'qin@example.org', confirmed: false })),
    loadSettings: vi.fn(async () => ok(DEFAULT_SETTINGS)),
    setRating: vi.fn(async () => ok(null)),
    setTags: vi.fn(async () => ok(null)),
    openSidebar: vi.fn(async () => ok(null)),
    openOptions: vi.fn(async () => ok(null)),
    onChange: vi.fn(hub.subscribe),
    ...overrides,
  };
}

export function fakeOptionsPort(overrides: Partial<OptionsPort> = {}): OptionsPort {
  const hub = new ChangeHub();
  let settings = { ...DEFAULT_SETTINGS };
  return {
    loadIdentity: vi.fn(async () => ok(null)),
    register: vi.fn(async (name: string, email: string) => ok({ name, email, confirmed: false })),
    resendConfirmation: vi.fn(async () => ok(null)),
    forgetIdentity: vi.fn(async () => ok(null)),
    loadSettings: vi.fn(async () => ok({ ...settings })),
    saveSettings: vi.fn(async (patch: SettingsPatch) => {
      settings = {
        ...settings,
        ...(patch.theme ? { theme: patch.theme } : {}),
        ...(patch.anySite !== undefined ? { anySite: patch.anySite } : {}),
        sidebar: { ...settings.sidebar, ...patch.sidebar },
        sites: { ...settings.sites, ...patch.sites },
      };
      return ok({ ...settings });
    }),
    setServerAddress: vi.fn(async (url: string | null) => {
      settings = { ...settings, serverUrl: url ?? settings.defaultServerUrl };
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
    loadOutbox: vi.fn(async () => ok([pendingComment('w1', 'queued'), pendingComment('w2', 'failed')])),
    retryWrite: vi.fn(async () => ok(null)),
    discardWrite: vi.fn(async () => ok(null)),
    exportData: vi.fn(async () => ok('{"ratings":[]}')),
    importData: vi.fn(async () => fail<{ imported: number }>('invalid-file', 'That file is not a Bookside export.')),
    clearCache: vi.fn(async () => ok(null)),
    onChange: vi.fn(hub.subscribe),
    ...overrides,
  };
}
