import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { expectHolds } from './holds';
import { FixtureServer, pageViewOfSidebar, sidebarFrame, tabReportFor } from './pages';

describe('the sidebar framed into real pages', () => {
  let browser: ExtensionBrowser;
  let pages: FixtureServer;

  beforeAll(async () => {
    browser = await launchWithExtension();
    pages = await FixtureServer.install(browser.context);
  });
  afterAll(() => browser?.close());

  it('frames the sidebar page into a closed shadow root on a book page', async () => {
    const page = await pages.open(
      'amazon/de-siddhartha.html',
      'https://www.amazon.de/Siddhartha-indische-Dichtung-Hermann-Hesse/dp/3518366823',
    );
    const frame = await sidebarFrame(page);
    expect(new URL(frame.url()).pathname).toBe('/sidepanel.html');
    await expect(pageViewOfSidebar(page)).resolves.toEqual({ hosts: 1, shadowRootVisible: false });
    await page.close();
  });

  it('frames nothing on a page that is not one book', async () => {
    const page = await pages.open(
      'amazon/es-negative-window-robot.html',
      'https://www.amazon.es/Cecotec-Excellence-Aspirador-Programable-Limpieza/dp/B01MUGXRT9',
    );
    // Its address may be a book's, so the sidebar may be framed hidden while the page loads; detection
    // then says "no book" and takes it away, never having shown it. From then on nothing may be framed.
    expect((await tabReportFor(await browser.serviceWorker(), page.url())).book).toBeNull();
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const host = document.querySelector('bookside-sidebar');
            return host ? getComputedStyle(host).visibility : 'gone';
          }),
        { timeout: 10_000 },
      )
      .toBe('gone');
    await expectHolds(
      async () => {
        await expect(pageViewOfSidebar(page)).resolves.toEqual({ hosts: 0, shadowRootVisible: false });
        expect(page.frames().filter((f) => f.url().startsWith('chrome-extension://'))).toHaveLength(0);
      },
      { forMs: 1_500 },
    );
    await page.close();
  });

  it('keeps the sidebar frame out of the page’s reach, and replaces it if it is ever navigated away', async () => {
    pages.serveHtml(
      'https://evil.test/lookalike',
      '<!doctype html><title>Bookside</title><form><input name="email"></form>',
    );
    const page = await pages.open(
      'amazon/de-siddhartha.html',
      'https://www.amazon.de/Siddhartha-indische-Dichtung-Hermann-Hesse/dp/3518366823',
    );
    const original = await sidebarFrame(page);
    // The page navigates every child window it can reach, e.g. to a lookalike comment form.
    await page.evaluate(() => {
      for (let i = 0; i < window.frames.length; i++) window.frames[i]!.location.href = 'https://evil.test/lookalike';
    });
    // The attack works on the page's own frames…
    await expect
      .poll(() => page.frames().filter((f) => f.url().startsWith('https://evil.test/')).length)
      .toBeGreaterThan(0);
    // …but a frame in a closed shadow root is not among `window.frames`: the sidebar was out of reach.
    expect(original.isDetached()).toBe(false);
    expect(new URL(original.url()).pathname).toBe('/sidepanel.html');

    // Should a browser let it happen anyway, the content script swaps in a fresh sidebar.
    await original.goto('https://evil.test/lookalike').catch(() => undefined);
    await expect.poll(() => original.isDetached(), { timeout: 10_000 }).toBe(true);
    await expect
      .poll(() => page.frames().some((f) => !f.isDetached() && f !== original && f.url().includes('/sidepanel.html')), {
        timeout: 10_000,
      })
      .toBe(true);
    for (const frame of page.frames().filter((f) => !f.isDetached() && f.url().startsWith('https://evil.test/'))) {
      const inBooksideHost = await (
        await frame.frameElement()
      ).evaluate((element) => element.getRootNode() instanceof ShadowRoot);
      expect(inBooksideHost).toBe(false);
    }
    await page.close();
  });
});
