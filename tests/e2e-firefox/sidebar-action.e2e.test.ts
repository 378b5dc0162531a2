/**
 * Firefox's own sidebar (`sidebar_action`, the browser's panel beside every
 * tab) shows the same sidebar page; it follows the active tab.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WE_THINK, weThinkOnAmazon } from '../e2e/canon-pages';
import { bookReportFor, FirefoxPages, launchFirefoxWithExtension, type FirefoxExtensionBrowser } from './firefox';

describe('Firefox’s own sidebar', () => {
  let ff: FirefoxExtensionBrowser;
  let pages: FirefoxPages;
  let control: Page;

  beforeAll(async () => {
    ff = await launchFirefoxWithExtension();
    pages = new FirefoxPages(ff);
    pages.serveHtml(WE_THINK.url, await weThinkOnAmazon());
    control = await ff.openExtensionPage('options.html');
  });
  afterAll(() => ff?.close());

  /** The text of the add-on's sidebar_action panel, read from one of its own pages (same process). */
  const panelText = () =>
    control.evaluate(() =>
      // Firefox's own view type, unknown to Chrome's typings.
      (chrome.extension.getViews as (filter: { type: string }) => Window[])({ type: 'sidebar' })
        .map((view) => `${view.location.pathname}: ${view.document.body.innerText}`)
        .join('\n'),
    );

  it('shows the active tab’s book, and follows the reader to another tab', async () => {
    const book = await pages.open(WE_THINK.url);
    // The book's report is in before the panel opens: this test is about the panel following the active
    // tab, not about a panel opened while the page is still loading. The book's own report, not the early
    // "no book" that clears the tab first.
    expect((await bookReportFor(control, book.url())).book).not.toBeNull();
    await book.bringToFront();
    // The reader opens the panel from View ▸ Sidebar.
    await ff.showSidebarPanel();
    await expect.poll(panelText, { timeout: 15_000 }).toMatch(/^\/sidepanel\.html: [\s\S]*We-Think[\s\S]*In the canon/);
    await expect.poll(panelText, { timeout: 15_000 }).toContain('You are what you share');

    await control.bringToFront();
    await expect.poll(panelText, { timeout: 15_000 }).toContain('No book on this page.');
    await book.bringToFront();
    await expect.poll(panelText, { timeout: 15_000 }).toContain('We-Think');
    await book.close();
  });
});
