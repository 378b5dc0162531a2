import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { FixtureServer, tabReportFor } from './pages';

describe('the built extension in Chromium', () => {
  let browser: ExtensionBrowser;
  let pages: FixtureServer;

  beforeAll(async () => {
    browser = await launchWithExtension();
    pages = await FixtureServer.install(browser.context);
  });
  afterAll(() => browser?.close());

  it('loads and starts its service worker', async () => {
    const worker = await browser.serviceWorker();
    expect(worker.url()).toBe(`chrome-extension://${browser.extensionId}/background.js`);
    const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toBe('Bookside');
  });

  it('opens the popup and options pages', async () => {
    for (const file of ['popup.html', 'options.html']) {
      const page = await browser.openExtensionPage(file);
      await expect(page.locator('h1').first().textContent()).resolves.toMatch(/Bookside/);
      await page.close();
    }
  });

  it.each([
    [
      'amazon/com-designing-connected-content.html',
      'https://www.amazon.com/Designing-Connected-Content-Products-Tomorrow/dp/0134763386',
      '9780134763385',
    ],
    ['goodreads/strange-planet.html', 'https://www.goodreads.com/book/show/44890112-strange-planet', '9780062970701'],
  ])('runs the content script on saved page %s served as its real address', async (file, url, isbn13) => {
    const page = await pages.open(file, url);
    const report = await tabReportFor(await browser.serviceWorker(), page.url());
    expect(report.book).toMatchObject({ isbn13: [isbn13] });
    await page.close();
  });
});
