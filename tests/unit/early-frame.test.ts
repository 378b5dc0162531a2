// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
/**
 * The sidebar's early frame: started hidden at document_start where the
 * address may be a book's, shown only once detection says "book", removed
 * otherwise. The page is still "loading" here until the test fires
 * DOMContentLoaded, as a document_start script sees it; the agent runs with
 * the real page context and saved pages at their own addresses.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { earlyFrameWanted } from '../../lib/content/early-frame';
import { createPageContext } from '../../lib/content/page-context';
import { runPageAgent, type PageAgentDeps } from '../../lib/content/page-agent';
import { startSidebarControls } from '../../lib/content/sidebar-controls';
import { FRAME_SHOWN_MARK, SIDEBAR_HOST_TAG } from '../../lib/content/sidebar-frame';
import { closerLook } from '../../lib/detect/closer-look';
import { SCHEMA_READERS } from '../../lib/detect/signals/schema-readers';
import { SITE_ADAPTERS } from '../../lib/detect/sites';
import { amazon } from '../../lib/detect/sites/amazon';
import { barnesAndNoble } from '../../lib/detect/sites/barnesandnoble';
import { isfdb } from '../../lib/detect/sites/isfdb';
import type { SiteAdapter } from '../../lib/detect/base/types';
import type { BookRef } from '../../lib/shared/book-ref';
import type { CanonStanding } from '../../lib/shared/messages/views';
import type { ShowOn, SidebarLayout } from '../../lib/shared/settings/appearance';
import { fixtureHtml, loadManifest, type FixtureEntry } from '../../scripts/fixture-manifest';
import { withoutSvgStyles } from '../../scripts/saved-page';
import { quietFramedPageLoads } from './framed-page-loads';

const IN_PAGE: SidebarLayout = { open: false, side: 'right', placement: 'page' };
const IN_BROWSER: SidebarLayout = { ...IN_PAGE, placement: 'browser' };
const SIDEBAR_URL = 'chrome-extension://test-extension-id/sidepanel.html?in-page=1';

const MANIFEST = loadManifest();
const savedPage = (file: string) => {
  const entry = MANIFEST.find((candidate) => candidate.file === file);
  if (!entry?.original_url) throw new Error(`${file} is not a saved page with an address`);
  return entry as FixtureEntry & { original_url: string };
};
const BOOK = savedPage('isfdb/mort.html');
/** A Barnes & Noble product page (its address may be a book's) for a vinyl record. */
const NOT_A_BOOK = savedPage('synthetic/barnesandnoble/folklore-vinyl.html');
const AMAZON_SEARCH = 'http://www.amazon.com/s?ie=UTF8&page=1&rh=n%3A283155%2Cp_66%3A9788573584722';

const happyDOM = (globalThis as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;

/** The document as a document_start script finds it: still being parsed. */
function parsing(): void {
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
}

/** The parser reaches the end: the saved page's head and body are in, and DOMContentLoaded fires. */
function parsed(entry: FixtureEntry | null): void {
  const saved = new DOMParser().parseFromString(entry ? withoutSvgStyles(fixtureHtml(entry)) : '', 'text/html');
  document.documentElement.append(document.importNode(saved.head, true), document.importNode(saved.body, true));
  delete (document as { readyState?: unknown }).readyState;
  document.dispatchEvent(new Event('DOMContentLoaded'));
}

const hosts = () => [...document.querySelectorAll(SIDEBAR_HOST_TAG)];

/** The `:host` rule of each frame's closed shadow root, read from what `attachShadow` returned. */
let roots: ShadowRoot[] = [];
const hostRule = (index = 0) => /:host\{([^}]*)\}/.exec(roots[index]?.querySelector('style')?.textContent ?? '')?.[1];
const isHidden = (index = 0) => hostRule(index)?.includes('visibility:hidden') ?? false;

interface Running {
  /** What the agent told the background, in order: `detecting` is the early "this page is being read". */
  reports: (BookRef | null | 'detecting')[];
  /** How many times the agent started loading what a book page needs after detection. */
  preloads: number;
  changeLayout(layout: SidebarLayout): void;
  done: Promise<void>;
  stop(): void;
}

interface Quiet {
  showOn: ShowOn;
  /** The background's answer about the reported book, when the test gives it. */
  standing: Promise<CanonStanding | null>;
}

function startAgent(
  url: string,
  layout: SidebarLayout,
  adapters: SiteAdapter[] = [isfdb],
  { showOn, standing }: Quiet = { showOn: 'every-book', standing: Promise.resolve(null) },
): Running {
  happyDOM.setURL(url);
  // At document_start the document element is all there is.
  document.documentElement.replaceChildren();
  parsing();
  let alive = true;
  const reports: (BookRef | null | 'detecting')[] = [];
  let preloads = 0;
  let onLayout: ((layout: SidebarLayout) => void) | undefined;
  const deps: PageAgentDeps = {
    sidebarUrl: SIDEBAR_URL,
    readSettings: async () => ({ layout, siteSwitches: {}, showOn }),
    watchSettings: (onChange) => void (onLayout = (next) => onChange({ layout: next, siteSwitches: {}, showOn })),
    report: async (book) => void reports.push(book),
    reportDetecting: async () => void reports.push('detecting'),
    preload: () => void (preloads += 1),
    sidebarControls: async () => (agentCtx, start) =>
      startSidebarControls(agentCtx, start, {
        standing: () => standing,
        rememberOpen: async () => undefined,
        listenForCommands: () => undefined,
      }),
    closerLook: async (adapterRef) => closerLook(adapterRef, document, new URL(location.href)),
    schemaReaders: async () => SCHEMA_READERS,
  };
  const ctx = createPageContext(() => alive);
  return {
    reports,
    get preloads() {
      return preloads;
    },
    changeLayout: (next) => onLayout?.(next),
    done: runPageAgent(ctx, adapters, deps),
    stop: () => {
      alive = false;
      void ctx.isValid;
    },
  };
}

/** Lets the agent's awaits (settings, detection) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('whether a frame starts before the page is parsed', () => {
  afterEach(() => delete (document as { readyState?: unknown }).readyState);

  it('starts one on an address the site’s adapter says may be a book, while the page is parsed', () => {
    parsing();
    expect(earlyFrameWanted([amazon], document, new URL(BOOK_ON_AMAZON), IN_PAGE)).toBe(true);
    expect(earlyFrameWanted([isfdb], document, new URL(BOOK.original_url), IN_PAGE)).toBe(true);
  });

  it('starts none where the address says "not a book", off the adapter’s site, or with the sidebar in the browser', () => {
    parsing();
    expect(earlyFrameWanted([amazon], document, new URL(AMAZON_SEARCH), IN_PAGE)).toBe(false);
    expect(earlyFrameWanted([amazon], document, new URL(BOOK.original_url), IN_PAGE)).toBe(false);
    expect(earlyFrameWanted([amazon], document, new URL(BOOK_ON_AMAZON), IN_BROWSER)).toBe(false);
  });

  it('starts none once the page is parsed (a script injected later frames after detection)', () => {
    expect(document.readyState).not.toBe('loading');
    expect(earlyFrameWanted([amazon], document, new URL(BOOK_ON_AMAZON), IN_PAGE)).toBe(false);
  });

  it('never turns a saved book page of a site away by its address', () => {
    const books = MANIFEST.filter((entry) => entry.expected !== null && entry.original_url !== null);
    parsing();
    const refused = books.filter((entry) => {
      const url = new URL(entry.original_url!);
      const adapter = SITE_ADAPTERS.find((candidate) => candidate.matches.length > 0 && candidate.test(url, document));
      return adapter?.urlMayBeBook && !adapter.urlMayBeBook(url);
    });
    expect(books.length).toBeGreaterThan(50);
    expect(refused.map((entry) => entry.original_url)).toEqual([]);
  });

  it('turns away the saved search and list pages of the sites whose adapters read addresses', () => {
    const lists = MANIFEST.filter((entry) => entry.expected === null && entry.original_url !== null);
    const turnedAway = lists.filter((entry) => {
      const url = new URL(entry.original_url!);
      const adapter = SITE_ADAPTERS.find((candidate) => candidate.matches.length > 0 && candidate.test(url, document));
      return adapter?.urlMayBeBook?.(url) === false;
    });
    expect(turnedAway.map((entry) => entry.original_url)).toEqual(
      expect.arrayContaining([
        AMAZON_SEARCH,
        'https://www.barnesandnoble.com/s/andy%20weir',
        'https://bookshop.org/lists/booker-prize-2018-shortlist',
        'https://lapl.overdrive.com/search?query=andy%20weir',
        'https://www.waterstones.com/books/search/term/sally+rooney',
      ]),
    );
  });
});

const BOOK_ON_AMAZON = 'https://www.amazon.co.uk/Vegetable-Perfection-delicious-recipes-shoots/dp/1849757097';

describe('the early frame’s life in a page', () => {
  let running: Running | undefined;
  beforeEach(() => {
    quietFramedPageLoads();
    roots = [];
    const attach = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    });
  });
  afterEach(() => {
    running?.stop();
    running = undefined;
    delete (document as { readyState?: unknown }).readyState;
    vi.restoreAllMocks();
  });

  it('frames the sidebar hidden while the page is parsed, and shows that same frame once the book is found', async () => {
    running = startAgent(BOOK.original_url, IN_PAGE);
    await settle();
    expect(hosts()).toHaveLength(1);
    expect(isHidden()).toBe(true);
    // The previous page's report is cleared before the frame can ask for it, and the
    // sidebar's first question will wait for this page's; what detection needs next is loading.
    expect(running.reports).toEqual(['detecting']);
    expect(running.preloads).toBe(1);
    const marks = performance.getEntriesByName(FRAME_SHOWN_MARK).length;

    parsed(BOOK);
    await running.done;
    await settle();
    expect(hosts()).toHaveLength(1);
    expect(roots).toHaveLength(1);
    expect(isHidden()).toBe(false);
    expect(running.reports).toHaveLength(2);
    expect((running.reports.at(-1) as BookRef).isbn13[0]).toBe(BOOK.expected?.isbn13[0]);
    expect(performance.getEntriesByName(FRAME_SHOWN_MARK).length).toBe(marks + 1);
  });

  it('in quiet mode, keeps the hidden frame through the wait for the canon’s answer and shows that same frame for a canon book', async () => {
    let answer: (standing: CanonStanding | null) => void = () => undefined;
    const standing = new Promise<CanonStanding | null>((resolve) => (answer = resolve));
    running = startAgent(BOOK.original_url, IN_PAGE, [isfdb], { showOn: 'in-canon', standing });
    await settle();
    parsed(BOOK);
    await settle();
    // Found and reported; the canon has not answered yet.
    expect((running.reports.at(-1) as BookRef).isbn13[0]).toBe(BOOK.expected?.isbn13[0]);
    expect(hosts()).toHaveLength(1);
    expect(isHidden()).toBe(true);

    answer('in-canon');
    await running.done;
    await settle();
    expect(hosts()).toHaveLength(1);
    expect(roots).toHaveLength(1);
    expect(isHidden()).toBe(false);
  });

  it('in quiet mode, removes the hidden frame, never shown, once the canon says it does not know the book', async () => {
    let answer: (standing: CanonStanding | null) => void = () => undefined;
    const standing = new Promise<CanonStanding | null>((resolve) => (answer = resolve));
    running = startAgent(BOOK.original_url, IN_PAGE, [isfdb], { showOn: 'in-canon', standing });
    await settle();
    parsed(BOOK);
    await settle();
    expect(isHidden()).toBe(true);

    answer('unknown');
    await running.done;
    await settle();
    expect(hosts()).toHaveLength(0);
    expect(roots).toHaveLength(1);
  });

  it('removes the hidden frame when the parsed page is not one book, never having shown it', async () => {
    running = startAgent(NOT_A_BOOK.original_url, IN_PAGE, [barnesAndNoble]);
    await settle();
    expect(hosts()).toHaveLength(1);
    expect(isHidden()).toBe(true);

    parsed(NOT_A_BOOK);
    await running.done;
    await settle();
    expect(hosts()).toHaveLength(0);
    expect(running.reports.at(-1)).toBeNull();
  });

  it('keeps the frame hidden through a layout change before detection, and shows it in the new layout', async () => {
    running = startAgent(BOOK.original_url, IN_PAGE);
    await settle();
    running.changeLayout({ ...IN_PAGE, open: true, side: 'left' });
    expect(isHidden()).toBe(true);
    expect(hosts()).toHaveLength(1);

    parsed(BOOK);
    await running.done;
    await settle();
    expect(isHidden()).toBe(false);
    expect(hostRule()).toContain('left:0!important');
  });

  it('frames nothing before detection where the address says "not a book", and reports nothing early', async () => {
    running = startAgent(AMAZON_SEARCH, IN_PAGE, [amazon]);
    await settle();
    expect(hosts()).toHaveLength(0);
    expect(running.reports).toEqual([]);
    expect(running.preloads).toBe(0);
    parsed(null);
    await running.done;
    await settle();
    expect(hosts()).toHaveLength(0);
  });

  it('takes the hidden frame away when the extension goes away before the page is parsed', async () => {
    running = startAgent(BOOK.original_url, IN_PAGE);
    await settle();
    expect(hosts()).toHaveLength(1);
    running.stop();
    parsed(BOOK);
    await running.done;
    expect(hosts()).toHaveLength(0);
  });
});
