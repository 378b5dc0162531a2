/**
 * Taking part from the sidebar alone, in Firefox with the real canon server,
 * through the same steps as Chromium's (tests/e2e/sidebar-participation):
 * a comment whose form also registers the reader's identity, and a rating
 * given in the sidebar that reaches the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../server/client';
import type { CanonServerHandle } from '../server/harness';
import { startE2eCanonServer } from '../e2e/canon';
import { WE_THINK, weThinkOnAmazon } from '../e2e/canon-pages';
import { firefoxJourney, type FirefoxJourney } from '../e2e/journey/firefox';
import { expandSidebar, seesCanonBook, seesPublishedComment } from '../e2e/journey/steps';
import { FirefoxPages, launchFirefoxWithExtension, type FirefoxExtensionBrowser } from './firefox';

/** How many confirmed ratings the canon server counts for We-Think, asked over its own API. */
async function confirmedRatings(canon: CanonServerHandle): Promise<number> {
  const answer = await call(canon.api, 'GET', `/books?isbn=${WE_THINK.isbn13}`);
  return (answer.body as { entry: { rating: { count: number } } }).entry.rating.count;
}

describe('taking part from the sidebar alone, in Firefox with the real canon server', () => {
  let canon: CanonServerHandle;
  let ff: FirefoxExtensionBrowser;
  let journey: FirefoxJourney;
  const email = `sidebar-${Date.now()}@example.org`;

  beforeAll(async () => {
    canon = await startE2eCanonServer();
    ff = await launchFirefoxWithExtension();
    const pages = new FirefoxPages(ff);
    pages.serveHtml(WE_THINK.url, await weThinkOnAmazon());
    journey = firefoxJourney(ff, pages);
  });
  afterAll(async () => {
    await ff?.close();
    await canon?.stop();
  });

  it('comments with a name and e-mail address given in the form; the e-mailed link confirms and publishes it', async () => {
    const tab = await journey.openBookPage(WE_THINK.url);
    const sidebar = await tab.sidebar();
    await expandSidebar(sidebar);
    await seesCanonBook(sidebar);
    // No identity yet: the rating says what would happen to a rating, the form asks for name and address.
    await sidebar.waitForText(/A rating you give now waits in this browser, unsent/);
    const body = `Participation from Firefox’s sidebar — ${Date.now()}`;
    await sidebar.fill('Your comment', body);
    await sidebar.fill('Name', 'Sidebar Reader');
    await sidebar.fill('E-mail address', email);
    await sidebar.click('Save name and post comment');
    await sidebar.waitForItem(body, 'Waiting for your confirmation', { timeoutMs: 20_000 });
    await sidebar.waitForText(/Follow the link we sent to your address/);

    // The identity was registered with the server, which mailed its link to that address.
    const mail = await canon.nextMail(email);
    expect(mail.link).not.toBeNull();
    expect((await fetch(mail.link!)).status).toBe(200);
    await tab.reload();
    await seesPublishedComment(await tab.sidebar(), body);
    await tab.close();
  });

  it('rates from the sidebar, and the rating reaches the server', async () => {
    const before = await confirmedRatings(canon);
    const tab = await journey.openBookPage(WE_THINK.url);
    const sidebar = await tab.sidebar();
    await seesCanonBook(sidebar);
    for (const [key, value] of [
      ['End', '5'],
      ['ArrowLeft', '4.5'],
    ] as const) {
      await sidebar.press('Your rating', key);
      await expect.poll(() => sidebar.attribute('Your rating', 'aria-valuenow')).toBe(value);
    }
    await sidebar.waitForText('Your rating counts.');
    // Confirmed above, so the server counts it at once; the outbox sends only the newest value.
    await expect.poll(() => confirmedRatings(canon), { timeout: 20_000 }).toBe(before + 1);
    await tab.close();
  });
});
