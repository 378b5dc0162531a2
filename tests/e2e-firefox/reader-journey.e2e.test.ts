/**
 * The reader's journey in Firefox with the real canon server, through the
 * same steps as Chromium's (tests/e2e/journey/steps.ts): the sidebar framed
 * into the page, the popup and the options page.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonServerHandle } from '../server/harness';
import { startE2eCanonServer } from '../e2e/canon';
import { WE_THINK, weThinkOnAmazon } from '../e2e/canon-pages';
import { firefoxJourney } from '../e2e/journey/firefox';
import {
  expandSidebar,
  postWaitingComment,
  rateFourStarsInPopup,
  saveIdentity,
  seesCanonBook,
  seesPublishedComment,
  seesSavedIdentity,
  seesWaitingRating,
} from '../e2e/journey/steps';
import { FirefoxPages, launchFirefoxWithExtension, type FirefoxExtensionBrowser } from './firefox';

const ARTIFACTS = path.resolve(import.meta.dirname, '../e2e/.artifacts');

const NOT_IN_CANON = {
  file: 'amazon/com-designing-connected-content.html',
  url: 'https://www.amazon.com/Designing-Connected-Content-Products-Tomorrow/dp/0134763386',
};

describe('the reader’s journey, in Firefox with the real canon server', () => {
  let canon: CanonServerHandle;
  let ff: FirefoxExtensionBrowser;
  let journey: ReturnType<typeof firefoxJourney>;
  /** The link mailed when the options page saved the identity; following it confirms the reader. */
  let confirmationLink: string | null = null;

  beforeAll(async () => {
    // Puppeteer, unlike Playwright, does not make a screenshot's folder (a fresh clone has none).
    await mkdir(ARTIFACTS, { recursive: true });
    canon = await startE2eCanonServer();
    ff = await launchFirefoxWithExtension();
    const pages = new FirefoxPages(ff);
    pages.serveHtml(WE_THINK.url, await weThinkOnAmazon());
    await pages.serve(NOT_IN_CANON.file, NOT_IN_CANON.url);
    journey = firefoxJourney(ff, pages);
  });
  afterAll(async () => {
    await ff?.close();
    await canon?.stop();
  });

  it('shows a canon book’s title, canon status and chapters in the sidebar framed beside its Amazon page', async () => {
    const tab = await journey.openBookPage(WE_THINK.url);
    const sidebar = await tab.sidebar();
    await expandSidebar(sidebar);
    await seesCanonBook(sidebar);
    await tab.page.screenshot({ path: path.join(ARTIFACTS, 'firefox-sidebar.png') });
    await tab.close();
  });

  it('offers to nominate a book that is not in the canon', async () => {
    const tab = await journey.openBookPage(NOT_IN_CANON.url);
    const sidebar = await tab.sidebar();
    // Left open by the reader on the previous page.
    await sidebar.waitForHeading('Designing Connected Content');
    await sidebar.waitForHeading('Nominate for the canon');
    await sidebar.waitForText('Nominate', { exact: true });
    await tab.close();
  });

  it('saves an identity in the options page', async () => {
    const options = await journey.openExtensionPage('options.html');
    await saveIdentity(options, 'Ada Reader', 'ada@example.org');
    await options.close();
    // The server stored it and mailed the confirmation link; the browser kept it.
    confirmationLink = (await canon.nextMail('ada@example.org')).link;
    expect(confirmationLink).not.toBeNull();
    const reopened = await journey.openExtensionPage('options.html');
    await seesSavedIdentity(reopened, 'Ada Reader', 'ada@example.org');
    await reopened.close();
  });

  it('shows a rating made in the popup in the open sidebar, without a reload', async () => {
    const tab = await journey.openBookPage(WE_THINK.url);
    const sidebar = await tab.sidebar();
    await seesCanonBook(sidebar);
    const popup = await journey.openExtensionPage(`popup.html?tab=${await tab.tabId()}`);
    // The popup names the tab's book.
    await popup.waitForText(WE_THINK.title);
    await rateFourStarsInPopup(popup);
    // The sidebar hears of the rating from the background.
    await seesWaitingRating(sidebar);
    await popup.close();
    await tab.close();
  });

  it('posts a comment from the sidebar that waits, is published by the e-mailed link, and reaches the sidebar', async () => {
    const tab = await journey.openBookPage(WE_THINK.url);
    const sidebar = await tab.sidebar();
    await seesCanonBook(sidebar);
    const body = `Mass participation in Firefox — ${Date.now()}`;
    await postWaitingComment(sidebar, body);

    expect(confirmationLink).not.toBeNull();
    expect((await fetch(confirmationLink!)).status).toBe(200);
    // The sidebar learns of the confirmation when it next asks the server; reload it as a reader would.
    await tab.reload();
    await seesPublishedComment(await tab.sidebar(), body);
    await tab.close();
  });
});
