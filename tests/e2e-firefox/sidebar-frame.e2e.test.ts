import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FirefoxPages,
  launchFirefoxWithExtension,
  pageViewOfSidebar,
  sidebarFrame,
  type FirefoxExtensionBrowser,
} from './firefox';

const SIDDHARTHA = {
  file: 'amazon/de-siddhartha.html',
  url: 'https://www.amazon.de/Siddhartha-indische-Dichtung-Hermann-Hesse/dp/3518366823',
};
const LOOKALIKE = 'https://evil.test/lookalike';

describe('the sidebar framed into a real page, in Firefox', () => {
  let ff: FirefoxExtensionBrowser;
  let pages: FirefoxPages;

  beforeAll(async () => {
    ff = await launchFirefoxWithExtension();
    pages = new FirefoxPages(ff);
    pages.serveHtml(LOOKALIKE, '<!doctype html><title>Bookside</title><form><input name="email"></form>');
    await pages.serve(SIDDHARTHA.file, SIDDHARTHA.url);
  });
  afterAll(() => ff?.close());

  it('keeps the sidebar out of the page’s reach, and replaces its frame if it is ever navigated away', async () => {
    const page = await pages.open(SIDDHARTHA.url);
    const original = await sidebarFrame(ff, page);
    // A closed shadow root: the page sees the host element, nothing inside it.
    await expect(pageViewOfSidebar(page)).resolves.toEqual({ hosts: 1, shadowRootVisible: false, frames: 0 });

    // The page navigates every child window it can reach, e.g. to a lookalike comment form…
    const reached = await page.evaluate((url) => {
      for (let i = 0; i < window.frames.length; i++) window.frames[i]!.location.href = url;
      return window.frames.length;
    }, LOOKALIKE);
    // …which works on the page's own frames (the saved page has some)…
    expect(reached).toBeGreaterThan(0);
    await expect
      .poll(async () => (await ff.frameWhere(page, (url) => url.startsWith(LOOKALIKE))) !== null, { timeout: 10_000 })
      .toBe(true);
    // …but a frame in a closed shadow root is not among `window.frames`: the sidebar is untouched.
    expect(await ff.frameWhere(page, (url) => url.includes('/sidepanel.html'))).toBe(original);
    expect(await original.evaluate(() => location.pathname)).toBe('/sidepanel.html');

    // Should a browser let it happen anyway, the content script swaps in a fresh sidebar.
    await ff.navigate(original, LOOKALIKE).catch(() => undefined);
    await expect
      .poll(
        async () => {
          const current = await ff.frameWhere(page, (url) => url.includes('/sidepanel.html'));
          return current !== null && current !== original;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    // The navigated frame is gone with its old host: nothing at the lookalike is left where the sidebar was.
    expect(original.detached).toBe(true);
    await expect(pageViewOfSidebar(page)).resolves.toEqual({ hosts: 1, shadowRootVisible: false, frames: 0 });
    const fresh = await sidebarFrame(ff, page);
    expect(await fresh.evaluate(() => location.pathname + location.search)).toBe('/sidepanel.html?in-page=1');
    await page.close();
  });
});
