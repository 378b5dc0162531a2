import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHolds } from '../e2e/holds';
import { sendAsExtensionPage, valueOf } from '../e2e/messages';
import {
  FirefoxPages,
  launchFirefoxWithExtension,
  pageViewOfSidebar,
  sidebarFrame,
  sidebarFrameCount,
  bookReportFor,
  tabReportFor,
  type FirefoxExtensionBrowser,
} from './firefox';

describe('the built add-on in Firefox', () => {
  let ff: FirefoxExtensionBrowser;
  let pages: FirefoxPages;
  let control: Page;

  beforeAll(async () => {
    ff = await launchFirefoxWithExtension();
    pages = new FirefoxPages(ff);
    control = await ff.openExtensionPage('options.html');
  });
  afterAll(() => ff?.close());

  it('installs, and its background (an event page) starts and answers', async () => {
    await expect.poll(() => ff.backgroundState()).toBe('running');
    const settings = valueOf(await sendAsExtensionPage(control, 'getSettings', undefined));
    expect(settings).toHaveProperty('sidebar');
    const manifest = await control.evaluate(() => chrome.runtime.getManifest());
    // Firefox answers with the script's full address where Chromium echoes the manifest's path.
    expect(manifest).toMatchObject({
      manifest_version: 3,
      name: 'Bookside',
      background: { scripts: [`${ff.origin}background.js`] },
    });
  });

  it('opens the popup and options pages at their fixed address', async () => {
    for (const file of ['popup.html', 'options.html']) {
      const page = await ff.openExtensionPage(file);
      await expect.poll(() => page.evaluate(() => document.querySelector('h1')?.textContent ?? '')).toMatch(/Bookside/);
      // Puppeteer's page.url() stays about:blank on moz-extension pages; the page knows where it is.
      expect(await page.evaluate(() => location.href)).toBe(`${ff.origin}${file}`);
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
  ])(
    'detects the book on saved page %s served as its real address, and frames the sidebar',
    async (file, url, isbn13) => {
      const page = await pages.open(url, file);
      // The book's report, not the early "no book" sent first to clear the tab (this test predates it).
      const report = await bookReportFor(control, page.url());
      expect(report.book).toMatchObject({ isbn13: [isbn13] });
      const frame = await sidebarFrame(ff, page);
      expect(await frame.evaluate(() => location.pathname + location.search)).toBe('/sidepanel.html?in-page=1');
      await page.close();
    },
  );

  it('loads the generic signals into a page where only they can find the book', async () => {
    // A supported site's page its adapter cannot read, carrying schema.org data: the content script's
    // first look finds nothing of its own and must load the generic signals into the page to see the book.
    const url = 'https://www.waterstones.com/campaign/middlemarch';
    pages.serveHtml(
      url,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Middlemarch by George Eliot</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"Book","name":"Middlemarch",
      "author":{"@type":"Person","name":"George Eliot"},"isbn":"9780141439549"}</script>
      </head><body><h1>Middlemarch</h1><p>George Eliot</p></body></html>`,
    );
    const page = await pages.open(url);
    const report = await bookReportFor(control, page.url());
    expect(report.book).toMatchObject({ isbn13: ['9780141439549'], site: 'generic', signals: ['jsonld'] });
    await page.close();
  });

  it('frames nothing on a search page', async () => {
    const page = await pages.open(
      'https://www.amazon.com/s?ie=UTF8&page=1&rh=n%3A283155%2Cp_66%3A9788573584722',
      'amazon/com-negative-2016-search-no-results.html',
    );
    // The content script has decided once it reported "no book"; from then on nothing may be framed.
    expect((await tabReportFor(control, page.url())).book).toBeNull();
    await expectHolds(
      async () => {
        await expect(pageViewOfSidebar(page)).resolves.toEqual({ hosts: 0, shadowRootVisible: false, frames: 0 });
        expect(await sidebarFrameCount(ff, page)).toBe(0);
      },
      { forMs: 1_500 },
    );
    await page.close();
  });
});
