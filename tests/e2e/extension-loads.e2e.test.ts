import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { contentScriptWorld } from './content-script-world';
import { bookReportFor, FixtureServer, tabReportFor } from './pages';

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
    // The book's report, not the early "no book" sent first to clear the tab (this test predates it).
    const report = await bookReportFor(await browser.serviceWorker(), page.url());
    expect(report.book).toMatchObject({ isbn13: [isbn13] });
    await page.close();
  });

  it('loads the check of an adapter’s book, not the generic signals, into an adapter’s book page, and neither into a search', async () => {
    const hook = 'typeof globalThis.__booksideBookCheck';
    const generic = 'typeof globalThis.__booksideCloserLook';
    // A bol.com product-family page: the site's script reads it, and the book check checks it.
    const book = await pages.open('bol/europa-garton-ash.html', 'https://www.bol.com/be/nl/f/europa/9300000130411840/');
    // The book's report, not the early "no book" sent first to clear the tab (this test predates it).
    const report = await bookReportFor(await browser.serviceWorker(), book.url());
    expect(report.book).toMatchObject({ isbn13: ['9789044544725'] });
    const bookWorld = await contentScriptWorld(book, browser.extensionId);
    await expect(bookWorld.evaluate(hook)).resolves.toBe('function');
    await expect(bookWorld.evaluate(generic)).resolves.toBe('undefined');
    await bookWorld.detach();
    await book.close();

    // A search with no results: its address says "not a book" (nothing preloaded), and it shows nothing to check.
    const search = await pages.open(
      'goodreads/negative-2016-search-no-results.html',
      'https://www.goodreads.com/search?q=zzzzqqq',
    );
    expect((await tabReportFor(await browser.serviceWorker(), search.url())).book).toBeNull();
    const searchWorld = await contentScriptWorld(search, browser.extensionId);
    await expect(searchWorld.evaluate(hook)).resolves.toBe('undefined');
    await expect(searchWorld.evaluate(generic)).resolves.toBe('undefined');
    await searchWorld.detach();
    await search.close();
  });
});
