import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonServerHandle } from '../server/harness';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { startE2eCanonServer } from './canon';
import { WE_THINK, weThinkOnAmazon } from './canon-pages';
import { FIXTURE_PAGES_DIR, FixtureServer, reportedTabId, sidebarFrame } from './pages';

const ARTIFACTS = path.resolve(import.meta.dirname, '.artifacts');

describe('the reader’s journey, in Chromium with the real canon server', () => {
  let canon: CanonServerHandle;
  let browser: ExtensionBrowser;
  let pages: FixtureServer;

  beforeAll(async () => {
    canon = await startE2eCanonServer();
    browser = await launchWithExtension();
    pages = await FixtureServer.install(browser.context);
    pages.serveHtml(WE_THINK.url, await weThinkOnAmazon());
  });
  afterAll(async () => {
    await browser?.close();
    await canon?.stop();
  });

  async function openWeThink(): Promise<{ page: Page; sidebar: Frame }> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(WE_THINK.url, { waitUntil: 'domcontentloaded' });
    return { page, sidebar: await sidebarFrame(page) };
  }

  it('shows a canon book’s entry and chapters beside its Amazon page', async () => {
    const { page, sidebar } = await openWeThink();
    // Collapsed to a small tab at first.
    const tab = sidebar.getByRole('button', { name: /open/i });
    await tab.waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'sidebar-collapsed.png') });
    await tab.click();
    await expect(sidebar.getByRole('heading', { name: 'We-Think' }).waitFor()).resolves.toBeUndefined();
    await sidebar.getByText('You are what you share').waitFor();
    await sidebar.getByText('In the canon', { exact: true }).first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'sidebar-light.png') });
    await page.close();
  });

  it('follows a single-page navigation on Goodreads to the next book', async () => {
    const page = await pages.open(
      'goodreads/strange-planet.html',
      'https://www.goodreads.com/book/show/44890112-strange-planet',
    );
    const sidebar = await sidebarFrame(page);
    await sidebar.getByRole('heading', { name: 'Strange Planet' }).waitFor();
    // The site swaps its content and pushes a new address, as Goodreads' Next.js pages do.
    const next = await readFile(
      path.join(FIXTURE_PAGES_DIR, 'goodreads/house-in-the-cerulean-sea-kindle-nextjs.html'),
      'utf8',
    );
    await page.evaluate((html) => {
      const parsed = new DOMParser().parseFromString(html, 'text/html');
      document.head.replaceChildren(...parsed.head.childNodes);
      document.body.replaceChildren(...parsed.body.childNodes);
      history.pushState({}, '', '/book/show/45047384-the-house-in-the-cerulean-sea');
    }, next);
    // The swap removed the old frame with the old body; the content script frames the sidebar again.
    await expect.poll(() => sidebar.isDetached()).toBe(true);
    const after = await sidebarFrame(page, 15_000);
    await after.getByRole('heading', { name: 'The House in the Cerulean Sea' }).waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('shows a rating made in the popup as provisional in the sidebar', async () => {
    const { page, sidebar } = await openWeThink();
    const tabId = await reportedTabId(await browser.serviceWorker(), page.url());
    const options = await browser.openExtensionPage('options.html');
    await options.getByLabel('Name').fill('Ada Reader');
    await options.getByLabel('E-mail address').fill('ada@example.org');
    await options.getByRole('button', { name: 'Save and send confirmation' }).click();
    await options
      .getByText(/Check your inbox/)
      .first()
      .waitFor();
    await options.screenshot({ path: path.join(ARTIFACTS, 'options.png'), fullPage: true });

    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.setViewportSize({ width: 360, height: 520 });
    const stars = popup.getByRole('slider', { name: 'Your rating' });
    await stars.focus();
    // Key by key, each answered on screen before the next, as a reader presses them.
    for (const [key, value] of [
      ['End', '5'],
      ['ArrowLeft', '4.5'],
      ['ArrowLeft', '4'],
    ] as const) {
      await stars.press(key);
      await expect.poll(() => stars.getAttribute('aria-valuenow')).toBe(value);
    }
    await popup.getByText('Provisional until you confirm your e-mail address.').waitFor();
    await popup.screenshot({ path: path.join(ARTIFACTS, 'popup.png') });

    await sidebar.getByText('1 more rating waits for its reader to confirm.').waitFor({ timeout: 20_000 });
    await Promise.all([popup.close(), options.close(), page.close()]);
  });

  it('posts a comment that waits, is published by the e-mailed link, and reaches another browser', async () => {
    const { page, sidebar } = await openWeThink();
    const body = `Mass participation, not mass consumption — ${Date.now()}`;
    await sidebar.getByLabel('Your comment').fill(body);
    await sidebar.getByRole('button', { name: 'Post comment' }).click();
    const mine = sidebar.getByRole('listitem').filter({ hasText: body });
    await mine.getByText('Waiting for your confirmation').waitFor({ timeout: 20_000 });

    const mail = await canon.nextMail('ada@example.org');
    expect(mail.link).not.toBeNull();
    expect((await fetch(mail.link!)).status).toBe(200);
    // The sidebar learns of the confirmation when it next asks; reload it as a reader would.
    await page.reload({ waitUntil: 'domcontentloaded' });
    const reloaded = await sidebarFrame(page);
    const published = reloaded.getByRole('listitem').filter({ hasText: body });
    await published.waitFor();
    // Shown from the cache first; the confirmation, noticed as the sidebar loads, refreshes it.
    await published.getByText('Waiting for your confirmation').waitFor({ state: 'detached', timeout: 20_000 });
    await page.close();

    const other = await launchWithExtension();
    try {
      const otherPages = await FixtureServer.install(other.context);
      otherPages.serveHtml(WE_THINK.url, await weThinkOnAmazon());
      const otherPage = await other.context.newPage();
      await otherPage.goto(WE_THINK.url, { waitUntil: 'domcontentloaded' });
      const otherSidebar = await sidebarFrame(otherPage);
      await otherSidebar.getByRole('button', { name: /open/i }).click();
      await otherSidebar.getByText(body).waitFor({ timeout: 20_000 });
      await otherPage.emulateMedia({ colorScheme: 'dark' });
      await otherPage.screenshot({ path: path.join(ARTIFACTS, 'sidebar-dark.png') });
    } finally {
      await other.close();
    }
  });
});
