// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
/**
 * The in-page agent on real saved pages, in this window: the page is shown at
 * its own address, the agent runs with the real page context and fake
 * settings and reporting (PageAgentDeps), and time is fake, so the mutation
 * debounce and watch window are stepped through, not waited for.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BOOK_CHECK_HOOK, GENERIC_LOOK_HOOK } from '../../lib/content/closer-look';
import { provideBookCheck } from '../../lib/content/book-check-script';
import { provideCloserLook } from '../../lib/content/closer-look-script';
import { createPageContext, followingNavigation, LOCATION_POLL_MS } from '../../lib/content/page-context';
import {
  MUTATION_DEBOUNCE_MS,
  MUTATION_WATCH_MS,
  runPageAgent,
  type PageAgentDeps,
} from '../../lib/content/page-agent';
import { startSidebarControls, type SidebarControlsDeps } from '../../lib/content/sidebar-controls';
import { SIDEBAR_CONTROLS_HOOK } from '../../lib/content/sidebar-controls-loader';
import { provideSidebarControls } from '../../lib/content/sidebar-controls-script';
import { SIDEBAR_HOST_TAG } from '../../lib/content/sidebar-frame';
import { closerLook } from '../../lib/detect/closer-look';
import { SCHEMA_READERS } from '../../lib/detect/signals/schema-readers';
import { goodreads } from '../../lib/detect/sites/goodreads';
import { isfdb } from '../../lib/detect/sites/isfdb';
import type { SiteAdapter } from '../../lib/detect/base/types';
import type { BookRef } from '../../lib/shared/book-ref';
import type { CommandHandlers } from '../../lib/content/command-listener';
import type { PageSettings } from '../../lib/content/page-settings';
import type { ShowOn, SidebarLayout } from '../../lib/shared/settings/appearance';
import { SIDEBAR_SETTING_KEY, SITE_SWITCHES_KEY } from '../../lib/shared/settings/keys';
import { fixtureHtml, loadManifest, type FixtureEntry } from '../../scripts/fixture-manifest';
import { withoutSvgStyles } from '../../scripts/saved-page';
import { quietFramedPageLoads } from './framed-page-loads';

// Small real pages keep each render cheap; one test runs on a full Goodreads page.
const BOOK = savedPage('isfdb/mort.html');
const OTHER_BOOK = savedPage('isfdb/shepherds-crown-ebook.html');
const NOT_A_BOOK = savedPage('synthetic/isfdb/negative-title-record.html');
const GOODREADS_BOOK = savedPage('goodreads/strange-planet.html');
const BOOK_ISBN = BOOK.expected?.isbn13[0];
const OTHER_ISBN = OTHER_BOOK.expected?.isbn13[0];

const IN_PAGE: SidebarLayout = { open: false, side: 'right', placement: 'page' };
const IN_BROWSER: SidebarLayout = { ...IN_PAGE, placement: 'browser' };

function savedPage(file: string): FixtureEntry & { original_url: string } {
  const entry = loadManifest().find((candidate) => candidate.file === file);
  if (!entry?.original_url) throw new Error(`${file} is not a saved page with an address`);
  return { ...entry, original_url: entry.original_url };
}

const happyDOM = (globalThis as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;

/** The saved page's head and body in place of this document's, as a single-page site re-renders. */
function render(entry: FixtureEntry | 'blank'): void {
  if (entry === 'blank') {
    document.head.replaceChildren();
    document.body.replaceChildren();
    return;
  }
  const saved = new DOMParser().parseFromString(withoutSvgStyles(fixtureHtml(entry)), 'text/html');
  document.head.replaceChildren(...[...saved.head.childNodes].map((node) => document.importNode(node, true)));
  document.body.replaceChildren(...[...saved.body.childNodes].map((node) => document.importNode(node, true)));
}

/** A fresh page load of the saved page at its address. */
function load(entry: FixtureEntry & { original_url: string }, content: FixtureEntry | 'blank' = entry): void {
  happyDOM.setURL(entry.original_url);
  render(content);
}

/** Single-page navigation: the address changes without a load, then the new content renders. */
function navigate(entry: FixtureEntry & { original_url: string }): void {
  history.pushState({}, '', entry.original_url);
  render(entry);
}

const frames = () => document.querySelectorAll(SIDEBAR_HOST_TAG).length;

/** The generic signals' reading, run in this window as the loaded closer-look script runs it. */
const closerLookHere = async (adapterRef: BookRef | null) => closerLook(adapterRef, document, new URL(location.href));

/** Lets mutation records arrive (a microtask), then moves the fake clock. */
async function elapse(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
  await vi.advanceTimersByTimeAsync(ms);
}

interface Agent {
  reports: (BookRef | null)[];
  /** What the reader's layout change (in any tab) tells the agent. */
  changeLayout(layout: SidebarLayout): void;
  /** What a quiet-mode change in options tells the agent. */
  changeShowOn(showOn: ShowOn): void;
  /** The background's keyboard-shortcut command; answers whether there was a sidebar to toggle. */
  toggle(): Promise<boolean>;
  /** What the agent asked the background to remember (the shortcut's open or collapsed). */
  remembered: boolean[];
  /** The extension is updated or removed: the runtime disappears from this script. */
  goAway(): void;
  layoutWatchSignal(): AbortSignal | undefined;
}

const running: Agent[] = [];

async function startAgent(
  layout: SidebarLayout,
  {
    siteSwitches = {},
    adapters = [isfdb],
    look = closerLookHere,
    showOn = 'every-book',
    standing = async () => 'unknown',
  }: {
    siteSwitches?: Record<string, boolean>;
    adapters?: SiteAdapter[];
    look?: PageAgentDeps['closerLook'];
    showOn?: ShowOn;
    standing?: SidebarControlsDeps['standing'];
  } = {},
): Promise<Agent> {
  let alive = true;
  // Both sites here navigate in place in the tests (Goodreads does in life).
  const ctx = followingNavigation(createPageContext(() => alive));
  const reports: (BookRef | null)[] = [];
  const remembered: boolean[] = [];
  let settings: PageSettings = { layout, siteSwitches, showOn };
  let onSettings: ((settings: PageSettings) => void) | undefined;
  let commands: CommandHandlers | undefined;
  let watchSignal: AbortSignal | undefined;
  const deps: PageAgentDeps = {
    sidebarUrl: 'chrome-extension://test-extension-id/sidepanel.html?in-page=1',
    readSettings: async () => settings,
    watchSettings: (onChange, signal) => {
      onSettings = onChange;
      watchSignal = signal;
    },
    report: async (book) => {
      reports.push(book);
      return null;
    },
    reportDetecting: async () => null,
    preload: () => undefined,
    sidebarControls: async () => (agentCtx, start) =>
      startSidebarControls(agentCtx, start, {
        standing,
        rememberOpen: async (open) => remembered.push(open),
        listenForCommands: (handlers) => (commands = handlers),
      }),
    closerLook: look,
    schemaReaders: async () => SCHEMA_READERS,
  };
  await runPageAgent(ctx, adapters, deps);
  // Detection awaits the closer look: let the first check finish.
  await elapse(0);
  const agent: Agent = {
    reports,
    remembered,
    changeLayout: (next) => onSettings?.((settings = { ...settings, layout: next })),
    changeShowOn: (next) => onSettings?.((settings = { ...settings, showOn: next })),
    toggle: async () => {
      const reply = await commands?.toggleSidebar();
      return reply?.ok === true && reply.value;
    },
    goAway: () => {
      alive = false;
      // The context notices at its next check; asking now stops everything before the next test.
      void ctx.isValid;
    },
    layoutWatchSignal: () => watchSignal,
  };
  running.push(agent);
  return agent;
}

describe('the in-page agent', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    quietFramedPageLoads();
  });
  afterEach(() => {
    for (const agent of running.splice(0)) agent.goAway();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('reports the saved page’s book and frames the sidebar into it', async () => {
    load(BOOK);
    const agent = await startAgent(IN_PAGE);
    expect(agent.reports).toHaveLength(1);
    expect(agent.reports[0]?.isbn13[0]).toBe(BOOK_ISBN);
    expect(agent.reports[0]?.site).toBe('isfdb');
    expect(frames()).toBe(1);
  });

  it('keeps quiet on a book the canon does not know, until the shortcut asks for its sidebar', async () => {
    load(BOOK);
    const agent = await startAgent(IN_PAGE, { showOn: 'in-canon', standing: async () => 'unknown' });
    await elapse(0);
    expect(agent.reports).toHaveLength(1);
    expect(frames()).toBe(0);
    expect(await agent.toggle()).toBe(true);
    expect(frames()).toBe(1);
    expect(agent.remembered).toEqual([true]);
  });

  it('shows the tab once the canon answers that it has the book', async () => {
    load(BOOK);
    await startAgent(IN_PAGE, { showOn: 'in-canon', standing: async () => 'in-canon' });
    await elapse(0);
    expect(frames()).toBe(1);
  });

  it('does the same on a full shop page, with its own frames and scripts', async () => {
    load(GOODREADS_BOOK);
    const agent = await startAgent(IN_PAGE, { adapters: [goodreads] });
    expect(agent.reports.map((book) => book?.isbn13[0])).toEqual(GOODREADS_BOOK.expected?.isbn13.slice(0, 1));
    expect(agent.reports[0]?.site).toBe('goodreads');
    expect(frames()).toBe(1);
  });

  it('follows a single-page switch to another book: a new report, still one frame', async () => {
    load(BOOK);
    const agent = await startAgent(IN_PAGE);
    navigate(OTHER_BOOK);
    await elapse(Math.max(LOCATION_POLL_MS, MUTATION_DEBOUNCE_MS));
    expect(agent.reports.map((book) => book?.isbn13[0])).toEqual([BOOK_ISBN, OTHER_ISBN]);
    expect(frames()).toBe(1);
  });

  it('frames nothing while the reader keeps the sidebar in the browser, and follows the layout as it changes', async () => {
    load(BOOK);
    const agent = await startAgent(IN_BROWSER);
    expect(agent.reports.map((book) => book?.isbn13[0])).toEqual([BOOK_ISBN]);
    expect(frames()).toBe(0);

    agent.changeLayout(IN_PAGE);
    expect(frames()).toBe(1);
    agent.changeLayout({ ...IN_PAGE, open: true, side: 'left' });
    expect(frames()).toBe(1);
    agent.changeLayout(IN_BROWSER);
    expect(frames()).toBe(0);
    // Layout changes alone never report again.
    expect(agent.reports).toHaveLength(1);
  });

  it('reports no book and removes the frame when the tab moves on to a page that is not one book', async () => {
    load(BOOK);
    const agent = await startAgent(IN_PAGE);
    expect(frames()).toBe(1);

    navigate(NOT_A_BOOK);
    await elapse(Math.max(LOCATION_POLL_MS, MUTATION_DEBOUNCE_MS));
    expect(agent.reports.map((book) => book?.isbn13[0] ?? null)).toEqual([BOOK_ISBN, null]);
    expect(frames()).toBe(0);

    // And back: the book is reported and framed again.
    navigate(BOOK);
    await elapse(Math.max(LOCATION_POLL_MS, MUTATION_DEBOUNCE_MS));
    expect(agent.reports.map((book) => book?.isbn13[0] ?? null)).toEqual([BOOK_ISBN, null, BOOK_ISBN]);
    expect(frames()).toBe(1);
  });

  it('finds a book the page renders after load, once the changes settle', async () => {
    load(BOOK, 'blank');
    const agent = await startAgent(IN_PAGE);
    expect(agent.reports).toEqual([null]);
    expect(frames()).toBe(0);

    render(BOOK);
    await elapse(MUTATION_DEBOUNCE_MS - 1);
    expect(agent.reports).toEqual([null]);
    await elapse(1);
    expect(agent.reports.map((book) => book?.isbn13[0] ?? null)).toEqual([null, BOOK_ISBN]);
    expect(frames()).toBe(1);
  });

  it('checks at most once per debounce period while the page keeps changing', async () => {
    load(BOOK, 'blank');
    const agent = await startAgent(IN_PAGE);
    const detect = vi.spyOn(isfdb, 'detect');
    for (let step = 0; step < 4; step++) {
      document.body.append(document.createElement('div'));
      await elapse(MUTATION_DEBOUNCE_MS / 4);
    }
    await elapse(MUTATION_DEBOUNCE_MS);
    expect(detect).toHaveBeenCalledTimes(1);
    expect(agent.reports).toEqual([null]);
  });

  it('stops watching the page a while after each navigation, and watches again after the next', async () => {
    load(BOOK, 'blank');
    const agent = await startAgent(IN_PAGE);
    await elapse(MUTATION_WATCH_MS + 1);

    render(BOOK);
    await elapse(MUTATION_DEBOUNCE_MS * 2);
    expect(agent.reports).toEqual([null]);
    expect(frames()).toBe(0);

    history.pushState({}, '', `${BOOK.original_url}?ref=nav`);
    await elapse(LOCATION_POLL_MS);
    expect(agent.reports.map((book) => book?.isbn13[0] ?? null)).toEqual([null, BOOK_ISBN]);
    expect(frames()).toBe(1);
  });

  it('puts the frame back, without reporting again, when the page re-renders it away', async () => {
    load(BOOK);
    const agent = await startAgent(IN_PAGE);
    expect(frames()).toBe(1);

    render(BOOK);
    expect(frames()).toBe(0);
    await elapse(MUTATION_DEBOUNCE_MS);
    expect(frames()).toBe(1);
    expect(agent.reports).toHaveLength(1);
  });

  it('has the adapter’s book checked by the closer look', async () => {
    load(BOOK);
    const look = vi.fn(closerLookHere);
    await startAgent(IN_PAGE, { look });
    expect(look).toHaveBeenCalledTimes(1);
    expect(look.mock.calls[0]?.[0]?.isbn13[0]).toBe(BOOK_ISBN);
  });

  it('lets the latest check decide when an earlier closer look answers late', async () => {
    load(BOOK);
    // The first check's closer look answers (with the first book) only after the tab moved on.
    let answerFirst: () => void = () => undefined;
    const look = vi.fn(closerLookHere);
    look.mockImplementationOnce((ref) => new Promise((resolve) => (answerFirst = () => resolve(ref))));
    const agent = await startAgent(IN_PAGE, { look });
    expect(agent.reports).toEqual([]);

    navigate(OTHER_BOOK);
    await elapse(Math.max(LOCATION_POLL_MS, MUTATION_DEBOUNCE_MS));
    expect(agent.reports.map((book) => book?.isbn13[0])).toEqual([OTHER_ISBN]);
    answerFirst();
    await elapse(0);
    expect(agent.reports.map((book) => book?.isbn13[0])).toEqual([OTHER_ISBN]);
    expect(frames()).toBe(1);
  });

  it('does nothing on a site the reader switched off', async () => {
    load(BOOK);
    const agent = await startAgent(IN_PAGE, { siteSwitches: { isfdb: false } });
    render(BOOK);
    await elapse(MUTATION_DEBOUNCE_MS);
    expect(agent.reports).toEqual([]);
    expect(frames()).toBe(0);
    expect(agent.layoutWatchSignal()).toBeUndefined();
  });

  it('runs where only other sites are switched off', async () => {
    load(BOOK);
    const agent = await startAgent(IN_PAGE, { siteSwitches: { goodreads: false, isfdb: true } });
    expect(agent.reports.map((book) => book?.isbn13[0])).toEqual([BOOK_ISBN]);
    expect(frames()).toBe(1);
  });

  it('removes the frame and stops watching when the extension goes away', async () => {
    load(BOOK);
    const agent = await startAgent(IN_PAGE);
    expect(frames()).toBe(1);

    agent.goAway();
    expect(frames()).toBe(0);
    expect(agent.layoutWatchSignal()?.aborted).toBe(true);

    navigate(NOT_A_BOOK);
    render(BOOK);
    await elapse(MUTATION_WATCH_MS);
    expect(agent.reports).toHaveLength(1);
    expect(frames()).toBe(0);
  });

  it('notices the extension is gone at its next timer, and leaves nothing behind', async () => {
    let alive = true;
    const ctx = createPageContext(() => alive);
    const report = vi.fn(async () => null);
    load(BOOK);
    await runPageAgent(ctx, [isfdb], {
      sidebarUrl: 'chrome-extension://test-extension-id/sidepanel.html?in-page=1',
      readSettings: async () => ({ layout: IN_PAGE, siteSwitches: {}, showOn: 'every-book' }),
      watchSettings: () => undefined,
      report,
      reportDetecting: async () => null,
      preload: () => undefined,
      sidebarControls: async () => (agentCtx, start) =>
        startSidebarControls(agentCtx, start, {
          standing: async () => null,
          rememberOpen: async () => null,
          listenForCommands: () => undefined,
        }),
      closerLook: closerLookHere,
      schemaReaders: async () => SCHEMA_READERS,
    });
    await elapse(0);
    expect(frames()).toBe(1);

    alive = false;
    document.body.append(document.createElement('div'));
    await elapse(MUTATION_DEBOUNCE_MS);
    expect(ctx.signal.aborted).toBe(true);
    expect(frames()).toBe(0);
    expect(report).toHaveBeenCalledTimes(1);
  });
});

describe('the in-page agent on the browser’s own storage and runtime', () => {
  let sent: { type?: string; data?: BookRef | null }[];

  beforeEach(() => {
    vi.useFakeTimers();
    quietFramedPageLoads();
    fakeBrowser.reset();
    // What the loaded book-check, closer-look and sidebar-controls scripts do in the content script's world.
    provideBookCheck();
    provideCloserLook();
    provideSidebarControls();
    sent = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: (typeof sent)[number]) => {
      sent.push(message);
      return { res: { ok: true, value: null } };
    }) as never);
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, BOOK_CHECK_HOOK);
    Reflect.deleteProperty(globalThis, GENERIC_LOOK_HOOK);
    Reflect.deleteProperty(globalThis, SIDEBAR_CONTROLS_HOOK);
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  async function start(): Promise<() => void> {
    let alive = true;
    const ctx = createPageContext(() => alive);
    load(BOOK);
    await runPageAgent(ctx, [isfdb]);
    await elapse(0);
    return () => {
      alive = false;
      void ctx.isValid;
    };
  }

  it('reads the stored layout, reports through the runtime, and follows layout changes in storage', async () => {
    await fakeBrowser.storage.local.set({ [SIDEBAR_SETTING_KEY]: IN_BROWSER });
    const stop = await start();
    expect(sent.map(({ type, data }) => [type, data?.isbn13[0]])).toEqual([['reportPageBook', BOOK_ISBN]]);
    expect(frames()).toBe(0);

    await fakeBrowser.storage.local.set({ [SIDEBAR_SETTING_KEY]: IN_PAGE });
    expect(frames()).toBe(1);
    // Other areas and keys are not the sidebar's layout.
    await fakeBrowser.storage.session.set({ [SIDEBAR_SETTING_KEY]: IN_BROWSER });
    await fakeBrowser.storage.local.set({ theme: 'dark' });
    expect(frames()).toBe(1);

    stop();
    expect(frames()).toBe(0);
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(false);
  });

  it('frames the sidebar by default, and stays silent where the reader switched the site off', async () => {
    const stop = await start();
    expect(frames()).toBe(1);
    stop();

    sent = [];
    await fakeBrowser.storage.local.set({ [SITE_SWITCHES_KEY]: { isfdb: false } });
    const stopAgain = await start();
    expect(sent).toEqual([]);
    expect(frames()).toBe(0);
    stopAgain();
  });
});
