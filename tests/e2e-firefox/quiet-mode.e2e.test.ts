/**
 * Quiet mode in Firefox with the real canon server, as in Chromium
 * (tests/e2e/quiet-mode): "Show Bookside on: only books in the canon" keeps
 * the tab off a book the canon does not know and puts it beside a canon
 * book; the toolbar badge marks canon books either way; opening and
 * collapsing the sidebar never rewrites "Sidebar at first".
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonServerHandle } from '../server/harness';
import { startE2eCanonServer } from '../e2e/canon';
import { WE_THINK, weThinkOnAmazon } from '../e2e/canon-pages';
import { expectHolds } from '../e2e/holds';
import { firefoxSurface } from '../e2e/journey/firefox';
import {
  bookReportFor,
  FirefoxPages,
  launchFirefoxWithExtension,
  pageViewOfSidebar,
  runShortcutKey,
  sidebarFrame,
  tabReportFor,
  type FirefoxExtensionBrowser,
} from './firefox';

const NOT_IN_CANON = {
  file: 'amazon/de-siddhartha.html',
  url: 'https://www.amazon.de/Siddhartha-indische-Dichtung-Hermann-Hesse/dp/3518366823',
};
const WAIT = { timeout: 15_000 };

/** The state of the radio button labelled `label` on an options page, and the group it belongs to. */
function radio(options: Page, label: string): Promise<{ name: string; checked: boolean } | null> {
  return options.evaluate((text) => {
    const input = [...document.querySelectorAll<HTMLInputElement>('input[type=radio]')].find(
      (candidate) => candidate.labels?.[0]?.textContent?.trim() === text,
    );
    return input ? { name: input.name, checked: input.checked } : null;
  }, label);
}

describe('quiet mode, in Firefox', () => {
  let canon: CanonServerHandle;
  let ff: FirefoxExtensionBrowser;
  let pages: FirefoxPages;
  /** An options page kept open: an extension page in a tab has the action, storage and tabs APIs. */
  let control: Page;

  beforeAll(async () => {
    canon = await startE2eCanonServer();
    ff = await launchFirefoxWithExtension();
    pages = new FirefoxPages(ff);
    pages.serveHtml(WE_THINK.url, await weThinkOnAmazon());
    await pages.serve(NOT_IN_CANON.file, NOT_IN_CANON.url);
    control = await ff.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await ff?.close();
    await canon?.stop();
  });

  const badgeText = (tabId: number) => control.evaluate((tab) => chrome.action.getBadgeText({ tabId: tab }), tabId);
  const storedSettings = () =>
    control.evaluate(() => chrome.storage.local.get(['sidebar', 'sidebarOpen', 'showOn'])) as Promise<
      Record<string, unknown>
    >;

  /** By keyboard alone, as a reader without a pointer does: Tab to the choice's group, arrow keys to the choice. */
  async function chooseInOptions(label: string): Promise<void> {
    const options = await ff.openExtensionPage('options.html');
    await expect.poll(() => radio(options, label), WAIT).not.toBeNull();
    const group = (await radio(options, label))!.name;
    const focused = () =>
      options.evaluate(() => {
        const input = document.activeElement as HTMLInputElement;
        return { name: input.name, label: input.labels?.[0]?.textContent?.trim() ?? '' };
      });
    for (let press = 0; press < 100 && (await focused()).name !== group; press++) await options.keyboard.press('Tab');
    for (let press = 0; press < 5 && (await focused()).label !== label; press++) {
      await options.keyboard.press('ArrowDown');
    }
    expect(await focused()).toEqual({ name: group, label });
    await expect.poll(async () => (await radio(options, label))?.checked, WAIT).toBe(true);
    await options.close();
  }

  async function openBook(url: string): Promise<{ page: Page; tabId: number }> {
    const page = await pages.open(url);
    return { page, tabId: (await tabReportFor(control, url)).tabId };
  }

  it('shows the tab on every book page by default', async () => {
    const { page } = await openBook(NOT_IN_CANON.url);
    const frame = await sidebarFrame(ff, page, 15_000);
    await firefoxSurface(frame).waitForText('Open Bookside', { exact: true, timeoutMs: 15_000 });
    await page.close();
  });

  it('with “only books in the canon”, stays off a book the canon does not know and sits beside a canon book', async () => {
    await chooseInOptions('Only books in the canon');
    expect((await storedSettings()).showOn).toBe('in-canon');

    const quiet = await openBook(NOT_IN_CANON.url);
    // The tab's first report is the early one clearing it (null), sent while the page is parsed and the
    // sidebar framed hidden; the book's own report comes after detection. Then the hidden frame waits for
    // the canon's answer, is never shown, and goes once the answer says "unknown".
    await bookReportFor(control, NOT_IN_CANON.url);
    let shown = 0;
    const shownHosts = () =>
      quiet.page.evaluate(
        () =>
          [...document.querySelectorAll('bookside-sidebar')].filter(
            (host) => getComputedStyle(host).visibility !== 'hidden',
          ).length,
      );
    await expect
      .poll(async () => {
        shown = Math.max(shown, await shownHosts());
        return pageViewOfSidebar(quiet.page);
      }, WAIT)
      .toEqual({ hosts: 0, shadowRootVisible: false, frames: 0 });
    expect(shown).toBe(0);
    await expect.poll(() => badgeText(quiet.tabId), WAIT).toBe('');
    await expectHolds(
      async () =>
        expect(await pageViewOfSidebar(quiet.page)).toEqual({ hosts: 0, shadowRootVisible: false, frames: 0 }),
      { forMs: 2_000 },
    );

    const canonBook = await openBook(WE_THINK.url);
    const frame = await sidebarFrame(ff, canonBook.page, 15_000);
    await firefoxSurface(frame).waitForText('Open Bookside', { exact: true, timeoutMs: 15_000 });
    // The badge still marks the canon book.
    await expect.poll(() => badgeText(canonBook.tabId), WAIT).not.toBe('');

    // The shortcut still brings the sidebar to the quiet page: the reader asked for it there.
    await quiet.page.bringToFront();
    await runShortcutKey(ff, 'Alt+Shift+B');
    const sidebar = firefoxSurface(await sidebarFrame(ff, quiet.page, 15_000));
    await sidebar.waitForHeading('Siddhartha', { timeoutMs: 15_000 });
    // Collapsed again from here, so the next test starts as the reader left it.
    await sidebar.click('Collapse');
    await expect.poll(async () => (await storedSettings()).sidebarOpen, WAIT).toBe(false);
    await quiet.page.close();
    await canonBook.page.close();
    await chooseInOptions('Every book page');
  });

  it('remembers opening and collapsing apart from “Sidebar at first”, which only the options page changes', async () => {
    const first = await openBook(WE_THINK.url);
    const frame = await sidebarFrame(ff, first.page, 15_000);
    const sidebar = firefoxSurface(frame);
    await sidebar.click('Open Bookside');
    await sidebar.waitForHeading(WE_THINK.title, { timeoutMs: 15_000 });
    await expect.poll(async () => (await storedSettings()).sidebarOpen, WAIT).toBe(true);
    expect((await storedSettings()).sidebar).toMatchObject({ open: false });

    // The options page still says the sidebar starts collapsed.
    const options = await ff.openExtensionPage('options.html');
    await expect.poll(async () => (await radio(options, 'Collapsed to a tab'))?.checked, WAIT).toBe(true);
    await options.close();

    // The next book page opens as the reader left the last one: open.
    const next = await openBook(NOT_IN_CANON.url);
    await firefoxSurface(await sidebarFrame(ff, next.page, 15_000)).waitForText('Collapse', {
      exact: true,
      timeoutMs: 15_000,
    });
    await next.page.close();

    // Choosing "Sidebar at first" again applies it from now on.
    await chooseInOptions('Open');
    await chooseInOptions('Collapsed to a tab');
    const stored = await storedSettings();
    expect(stored.sidebar).toMatchObject({ open: false });
    // No remembered state any more (a null item is stored as no key at all).
    expect(stored.sidebarOpen ?? null).toBeNull();
    await sidebar.waitForText('Open Bookside', { exact: true, timeoutMs: 15_000 });
    await first.page.close();
  });
});
