// @vitest-environment happy-dom
/**
 * Each entry point's port (entrypoints/<page>/port.ts) over a fake
 * `callBackground`: every method of components/ports.ts sends exactly the
 * protocol messages it should, with the right payloads, and turns the
 * answers into what the components expect. The tables are typed by the port
 * interfaces, so a new port method fails the type check until it is listed.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OptionsPort, PopupPort, SidebarPort } from '../../components/ports';
import { createOptionsPort } from '../../entrypoints/options/port';
import { createPopupPort } from '../../entrypoints/popup/port';
import { createSidebarPort } from '../../entrypoints/sidepanel/port';
import { SITE_LIST } from '../../lib/pages/site-list';
import { CHANGE_FEED_KEY } from '../../lib/shared/messages/change-feed';
import { fail, ok } from '../../lib/shared/messages/result';
import type { IdentityView, SettingsView } from '../../lib/shared/messages/views';
import { ANY_SITE_ORIGINS } from '../../lib/shared/settings/defaults';
import { DEFAULT_SETTINGS, inCanonView, pendingComment, WE_THINK_REF } from '../components/fakes';

type Sent = [name: string, data?: unknown];

const channel = vi.hoisted(() => ({
  sent: [] as unknown[][],
  answer: (() => undefined) as (name: string, data: unknown) => unknown,
}));

vi.mock('../../lib/pages/channel', () => ({
  callBackground: async (name: string, ...data: unknown[]) => {
    channel.sent.push([name, ...data]);
    return channel.answer(name, data[0]);
  },
}));

// The build writes the site list in (wxt.config.ts); here it is made the same way.
vi.mock('../../lib/pages/site-list', async () => {
  const { SITE_ADAPTERS } = await import('../../lib/detect/sites');
  return { SITE_LIST: SITE_ADAPTERS.map(({ id, name }) => ({ id, name })) };
});

const IDENTITY: IdentityView = {
  server: 'http://127.0.0.1:8787',
  name: 'Ada',
  email: 'ada@example.org',
  confirmed: true,
  confirmedAt: '2026-01-01T00:00:00Z',
  rejected: false,
  checkedAt: 0,
};
const BOOK_VIEW = inCanonView();
const DRAFT = { body: 'Half-written.', spoiler: false };

let settings: SettingsView = DEFAULT_SETTINGS;

/** What the background would answer: a plausible value per message, `ok(null)` for the rest. */
function backgroundAnswer(name: string): unknown {
  switch (name) {
    case 'getTabBook':
      return ok(BOOK_VIEW);
    case 'getIdentity':
    case 'registerIdentity':
      return ok(IDENTITY);
    case 'getSettings':
    case 'updateSettings':
    case 'setServerAddress':
      return ok(settings);
    case 'postComment':
      return ok(pendingComment('w1', 'queued'));
    case 'listOutbox':
      return ok([pendingComment('w1', 'queued')]);
    case 'exportData':
      return ok({ version: 1, writes: [] });
    case 'importData':
      return ok({ writes: 2 });
    default:
      return ok(null);
  }
}

interface Case<Port> {
  run(port: Port): Promise<unknown>;
  sends: Sent[];
  /** What the port answers, when it is not the background's answer passed through. */
  answers?: unknown;
}

async function check<Port>(port: Port, { run, sends, answers }: Case<Port>): Promise<void> {
  channel.sent.length = 0;
  const answer = await run(port);
  expect(channel.sent).toEqual(sends);
  const last = sends.at(-1);
  expect(answer).toEqual(answers ?? (last ? backgroundAnswer(last[0]) : undefined));
}

/** A change notice as the background writes it; resolves once a listener heard it. */
async function heardChange(listen: (onTopic: (topic: string) => void) => () => void, tabId?: number) {
  const heard: string[] = [];
  const stop = listen((topic) => heard.push(topic));
  await fakeBrowser.storage.local.set({ [CHANGE_FEED_KEY]: { topics: ['book'], at: Date.now(), tabId } });
  await vi.waitFor(() => expect(heard).toEqual(['book']));
  stop();
  expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(false);
}

let activeTabs: number[] = [];

/** The browser's tabs API answering with these active tabs (the fake browser's answers are typed by overload). */
function answerTabs(): void {
  const tab = (id: number) => ({ id, index: 0, highlighted: true, active: true, pinned: false, incognito: false });
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => activeTabs.map(tab)) as never);
}

/** The reader's answer to a permission prompt, or the browser's to giving one back. */
function answerPermission(method: 'request' | 'remove', granted: boolean) {
  return vi.spyOn(fakeBrowser.permissions, method).mockImplementation((async () => granted) as never);
}

beforeEach(() => {
  fakeBrowser.reset();
  settings = DEFAULT_SETTINGS;
  channel.sent.length = 0;
  channel.answer = backgroundAnswer;
  activeTabs = [7];
  answerTabs();
  history.replaceState({}, '', '/');
});
afterEach(() => vi.restoreAllMocks());

describe('the sidebar’s port framed into a page', () => {
  const CASES: Record<Exclude<keyof SidebarPort, 'onChange'>, Case<SidebarPort>> = {
    loadBook: {
      // Framed before its page may have been read: the first question waits for the page's report; later ones do not.
      run: async (p) => (await p.loadBook(), p.loadBook()),
      sends: [
        ['getTabBook', { waitForDetection: true }],
        ['getTabBook', {}],
      ],
    },
    loadComments: {
      run: (p) => p.loadComments('b1', 'c2'),
      sends: [['getComments', { bookId: 'b1', cursor: 'c2' }]],
    },
    loadIdentity: {
      run: (p) => p.loadIdentity(),
      sends: [['getIdentity']],
      answers: ok({ name: 'Ada', email: 'ada@example.org', confirmed: true }),
    },
    register: {
      run: (p) => p.register('Ada', 'ada@example.org'),
      sends: [['registerIdentity', { name: 'Ada', email: 'ada@example.org' }]],
      answers: ok({ name: 'Ada', email: 'ada@example.org', confirmed: true }),
    },
    loadSettings: { run: (p) => p.loadSettings(), sends: [['getSettings']] },
    saveLayout: {
      run: (p) => p.saveLayout({ open: true, side: 'left' }),
      // Opening is remembered apart from "Sidebar at first" (`sidebar.open`), which only the options page sets.
      sends: [['updateSettings', { sidebarOpen: true, sidebar: { side: 'left' } }]],
      answers: ok(null),
    },
    loadDraft: { run: (p) => p.loadDraft('b1'), sends: [['getDraft', { bookId: 'b1' }]] },
    saveDraft: { run: (p) => p.saveDraft('b1', DRAFT), sends: [['saveDraft', { bookId: 'b1', draft: DRAFT }]] },
    postComment: { run: (p) => p.postComment('b1', DRAFT), sends: [['postComment', { bookId: 'b1', ...DRAFT }]] },
    flagComment: {
      run: (p) => p.flagComment('b1', 'c1', 'spoiler'),
      sends: [['flagComment', { bookId: 'b1', commentId: 'c1', reason: 'spoiler' }]],
    },
    editComment: {
      run: (p) => p.editComment('b1', 'c1', DRAFT, 'We-Think'),
      sends: [['editComment', { bookId: 'b1', commentId: 'c1', bookTitle: 'We-Think', ...DRAFT }]],
    },
    deleteComment: {
      run: (p) => p.deleteComment('b1', 'c1'),
      sends: [['deleteComment', { bookId: 'b1', commentId: 'c1' }]],
    },
    // Straight to the clipboard, no message: the background has nothing to do with it.
    copyText: { run: (p) => p.copyText('https://canon.example/books/b1#comment-c1'), sends: [], answers: ok(null) },
    setTags: { run: (p) => p.setTags('b1', ['essays']), sends: [['setTags', { bookId: 'b1', tags: ['essays'] }]] },
    setRating: {
      run: (p) => p.setRating('b1', 4.5, 'We-Think'),
      sends: [['setRating', { bookId: 'b1', value: 4.5, bookTitle: 'We-Think' }]],
    },
    addLink: {
      run: (p) => p.addLink('b1', 'https://example.org/r', 'A review'),
      sends: [['addReviewLink', { bookId: 'b1', url: 'https://example.org/r', title: 'A review' }]],
    },
    nominate: {
      run: (p) => p.nominate(WE_THINK_REF, 'Belongs here.'),
      sends: [
        [
          'nominateBook',
          { isbn: '9781861978738', title: 'We-Think', authors: ['Charles Leadbeater'], reason: 'Belongs here.' },
        ],
      ],
    },
    second: { run: (p) => p.second('n1'), sends: [['secondNomination', { nominationId: 'n1' }]] },
    resendConfirmation: { run: (p) => p.resendConfirmation(), sends: [['resendConfirmation']] },
    retryWrite: { run: (p) => p.retryWrite('w1'), sends: [['retryOutbox', { id: 'w1' }]] },
    openOptions: { run: (p) => p.openOptions(), sends: [['openOptions']] },
  };

  beforeEach(() => history.replaceState({}, '', '/sidepanel.html?in-page=1'));

  it('has a case for every method', async () => {
    const port = await createSidebarPort();
    expect(Object.keys(port).sort()).toEqual([...Object.keys(CASES), 'onChange'].sort());
  });

  it.each(Object.entries(CASES))('%s', async (_, testCase) => {
    const port = await createSidebarPort();
    await check(port, testCase);
    // Framed, it never asks the tabs API: the background knows the frame's tab from the sender.
    expect(fakeBrowser.tabs.query).not.toHaveBeenCalled();
  });

  it('nominates a book without an ISBN by title and authors only', async () => {
    const port = await createSidebarPort();
    await check(port, {
      run: (p) => p.nominate({ ...WE_THINK_REF, isbn13: [] }, ''),
      sends: [['nominateBook', { title: 'We-Think', authors: ['Charles Leadbeater'], reason: '' }]],
    });
  });

  it('asks again for an identity that is not confirmed yet', async () => {
    channel.answer = (name, data) =>
      name === 'getIdentity' ? ok({ ...IDENTITY, confirmed: data !== undefined }) : backgroundAnswer(name);
    const port = await createSidebarPort();
    await check(port, {
      run: (p) => p.loadIdentity(),
      sends: [['getIdentity'], ['getIdentity', { recheck: true }]],
      answers: ok({ name: 'Ada', email: 'ada@example.org', confirmed: true }),
    });
  });

  it('hears changes about the tab it learnt from its book', async () => {
    const port = await createSidebarPort();
    await port.loadBook();
    await heardChange((listener) => port.onChange(listener), BOOK_VIEW.tabId);
  });
});

describe('the sidebar’s port in the browser’s side panel', () => {
  beforeEach(() => history.replaceState({}, '', '/sidepanel.html'));

  it('asks for the active tab’s book', async () => {
    const port = await createSidebarPort();
    await check(port, { run: (p) => p.loadBook(), sends: [['getTabBook', { tabId: 7 }]] });
  });

  it('saves only the side: the browser opens and closes its panel', async () => {
    const port = await createSidebarPort();
    await check(port, {
      run: (p) => p.saveLayout({ open: false, side: 'left' }),
      sends: [['updateSettings', { sidebar: { side: 'left' } }]],
      answers: ok(null),
    });
  });

  it('shows nothing without an active tab', async () => {
    activeTabs = [];
    const port = await createSidebarPort();
    await check(port, { run: (p) => p.loadBook(), sends: [], answers: ok(null) });
  });

  it('follows the active tab', async () => {
    const port = await createSidebarPort();
    const heard: string[] = [];
    const stop = port.onChange((topic) => heard.push(topic));
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 9, windowId: 1 });
    expect(heard).toEqual(['book']);
    await check(port, { run: (p) => p.loadBook(), sends: [['getTabBook', { tabId: 9 }]] });
    stop();
    expect(fakeBrowser.tabs.onActivated.hasListeners()).toBe(false);
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(false);
  });
});

describe('the popup’s port', () => {
  const CASES: Record<Exclude<keyof PopupPort, 'onChange' | 'openSidebar'>, Case<PopupPort>> = {
    loadBook: { run: (p) => p.loadBook(), sends: [['getTabBook', { tabId: 7 }]] },
    loadIdentity: {
      run: (p) => p.loadIdentity(),
      sends: [['getIdentity']],
      answers: ok({ name: 'Ada', email: 'ada@example.org', confirmed: true }),
    },
    loadSettings: { run: (p) => p.loadSettings(), sends: [['getSettings']] },
    setRating: { run: (p) => p.setRating('b1', 4.5), sends: [['setRating', { bookId: 'b1', value: 4.5 }]] },
    setTags: { run: (p) => p.setTags('b1', []), sends: [['setTags', { bookId: 'b1', tags: [] }]] },
    openOptions: { run: (p) => p.openOptions(), sends: [['openOptions']] },
  };

  it('reads the settings once, when it is made', async () => {
    const port = await createPopupPort();
    expect(channel.sent).toEqual([['getSettings']]);
    expect(Object.keys(port).sort()).toEqual([...Object.keys(CASES), 'onChange', 'openSidebar'].sort());
  });

  it.each(Object.entries(CASES))('%s', async (_, testCase) => {
    await check(await createPopupPort(), testCase);
  });

  it('removes the rating for null', async () => {
    await check(await createPopupPort(), {
      run: (p) => p.setRating('b1', null),
      sends: [['removeRating', { bookId: 'b1' }]],
    });
  });

  it('is about the tab named in its address when opened on its own', async () => {
    history.replaceState({}, '', '/popup.html?tab=12');
    await check(await createPopupPort(), { run: (p) => p.loadBook(), sends: [['getTabBook', { tabId: 12 }]] });
    expect(fakeBrowser.tabs.query).not.toHaveBeenCalled();
  });

  it('opens the in-page sidebar through the settings, then closes itself', async () => {
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    await check(await createPopupPort(), {
      run: (p) => p.openSidebar(),
      sends: [['updateSettings', { sidebar: { open: true } }]],
      answers: ok(null),
    });
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('stays open when the settings could not be saved', async () => {
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const refused = fail('unreachable', 'No background.');
    channel.answer = (name) => (name === 'updateSettings' ? refused : backgroundAnswer(name));
    await check(await createPopupPort(), {
      run: (p) => p.openSidebar(),
      sends: [['updateSettings', { sidebar: { open: true } }]],
      answers: refused,
    });
    expect(close).not.toHaveBeenCalled();
  });

  it('opens the browser’s side panel for its tab when the reader keeps the sidebar there', async () => {
    settings = { ...DEFAULT_SETTINGS, sidebar: { ...DEFAULT_SETTINGS.sidebar, placement: 'browser' } };
    const open = vi.fn(async (_options: { tabId: number }) => undefined);
    Object.assign(fakeBrowser, { sidePanel: { open } });
    try {
      await check(await createPopupPort(), { run: (p) => p.openSidebar(), sends: [], answers: ok(null) });
      expect(open).toHaveBeenCalledWith({ tabId: 7 });
    } finally {
      Reflect.deleteProperty(fakeBrowser, 'sidePanel');
    }
  });

  it('hears changes about its tab', async () => {
    const port = await createPopupPort();
    await heardChange((listener) => port.onChange(listener), 7);
  });
});

describe('the options page’s port', () => {
  const CASES: Record<Exclude<keyof OptionsPort, 'onChange' | 'requestHostPermission'>, Case<OptionsPort>> = {
    loadIdentity: {
      run: (p) => p.loadIdentity(),
      sends: [['getIdentity']],
      answers: ok({ name: 'Ada', email: 'ada@example.org', confirmed: true }),
    },
    register: {
      run: (p) => p.register('Ada', 'ada@example.org'),
      sends: [['registerIdentity', { name: 'Ada', email: 'ada@example.org' }]],
      answers: ok({ name: 'Ada', email: 'ada@example.org', confirmed: true }),
    },
    resendConfirmation: { run: (p) => p.resendConfirmation(), sends: [['resendConfirmation']] },
    forgetIdentity: { run: (p) => p.forgetIdentity(), sends: [['forgetIdentity']] },
    loadSettings: { run: (p) => p.loadSettings(), sends: [['getSettings']] },
    saveSettings: { run: (p) => p.saveSettings({ theme: 'dark' }), sends: [['updateSettings', { theme: 'dark' }]] },
    setServerAddress: {
      run: (p) => p.setServerAddress('https://canon.example.org'),
      sends: [['getSettings'], ['setServerAddress', { url: 'https://canon.example.org' }]],
    },
    setAnySite: {
      run: async (p) => {
        answerPermission('request', true);
        return p.setAnySite(true);
      },
      sends: [['updateSettings', { anySite: true }]],
      answers: ok(true),
    },
    loadSites: {
      run: async (p) => {
        settings = { ...DEFAULT_SETTINGS, sites: { [SITE_LIST[0]?.id ?? '']: false } };
        return p.loadSites();
      },
      sends: [['getSettings']],
      answers: ok(SITE_LIST.map(({ id, name }, index) => ({ id, name, enabled: index !== 0 }))),
    },
    setSiteEnabled: {
      run: (p) => p.setSiteEnabled('goodreads', false),
      sends: [['updateSettings', { sites: { goodreads: false } }]],
      answers: ok(null),
    },
    loadOutbox: { run: (p) => p.loadOutbox(), sends: [['listOutbox']] },
    retryWrite: { run: (p) => p.retryWrite('w1'), sends: [['retryOutbox', { id: 'w1' }]], answers: ok(null) },
    discardWrite: { run: (p) => p.discardWrite('w1'), sends: [['discardOutbox', { id: 'w1' }]] },
    exportData: {
      run: (p) => p.exportData(),
      sends: [['exportData']],
      answers: ok(JSON.stringify({ version: 1, writes: [] }, null, 2)),
    },
    importData: {
      run: (p) => p.importData('{"version":1,"writes":[]}'),
      sends: [['importData', { version: 1, writes: [] }]],
      answers: ok({ imported: 2 }),
    },
    clearCache: { run: (p) => p.clearCache(), sends: [['clearCache']] },
  };

  it('has a case for every method', () => {
    const port = createOptionsPort();
    expect(Object.keys(port).sort()).toEqual([...Object.keys(CASES), 'onChange', 'requestHostPermission'].sort());
  });

  it('knows the supported sites by name', () => {
    expect(SITE_LIST.length).toBeGreaterThan(10);
    expect(SITE_LIST).toContainEqual({ id: 'goodreads', name: expect.any(String) });
  });

  it.each(Object.entries(CASES))('%s', async (_, testCase) => {
    await check(createOptionsPort(), testCase);
  });

  it('stores the built-in server address as no choice', async () => {
    await check(createOptionsPort(), {
      run: (p) => p.setServerAddress(DEFAULT_SETTINGS.defaultServerUrl),
      sends: [['getSettings'], ['setServerAddress', { url: null }]],
    });
  });

  it('asks the browser for a host permission, and sends nothing', async () => {
    const asked = answerPermission('request', true);
    await check(createOptionsPort(), {
      run: (p) => p.requestHostPermission('https://canon.example.org/*'),
      sends: [],
      answers: ok(true),
    });
    expect(asked).toHaveBeenCalledWith({ origins: ['https://canon.example.org/*'] });
  });

  it('leaves "any site" off when the reader refuses the permission', async () => {
    const asked = answerPermission('request', false);
    await check(createOptionsPort(), { run: (p) => p.setAnySite(true), sends: [], answers: ok(false) });
    expect(asked).toHaveBeenCalledWith({ origins: ANY_SITE_ORIGINS });
  });

  it('gives the permission back when "any site" is turned off', async () => {
    const gaveBack = answerPermission('remove', true);
    await check(createOptionsPort(), {
      run: (p) => p.setAnySite(false),
      sends: [['updateSettings', { anySite: false }]],
      answers: ok(true),
    });
    expect(gaveBack).toHaveBeenCalledWith({ origins: ANY_SITE_ORIGINS });
  });

  it('refuses a file that is not JSON without asking the background', async () => {
    await check(createOptionsPort(), {
      run: (p) => p.importData('not json'),
      sends: [],
      answers: fail('invalid-file', 'This file is not JSON; nothing was imported.'),
    });
  });

  it('hears every change notice', async () => {
    const port = createOptionsPort();
    await heardChange((listener) => port.onChange(listener));
  });
});
