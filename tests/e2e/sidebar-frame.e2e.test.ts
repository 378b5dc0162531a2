import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { FixtureServer, pageViewOfSidebar, sidebarFrame } from './pages';

describe('the sidebar framed into real pages', () => {
  let browser: ExtensionBrowser;
  let pages: FixtureServer;

  beforeAll(async () => {
    browser = await launchWithExtension();
    pages = await FixtureServer.install(browser.context);
  });
  afterAll(() => browser?.close());

  it('frames the sidebar page into a closed shadow root on a book page', async () => {
    const page = await pages.open('amazon/de-siddhartha.html', 'https://www.amazon.de/Siddhartha-indische-Dichtung-Hermann-Hesse/dp/3518366823');
    const frame = await sidebarFrame(page);
    expect(new URL(frame.url()).pathname).toBe('/sidepanel.html');
    await expect(pageViewOfSidebar(page)).resolves.toEqual({ hosts: 1, shadowRootVisible: false });
    await page.close();
  });

  it('frames nothing on a page that is not one book', async () => {
    const page = await pages.open('amazon/es-negative-window-robot.html', 'https://www.amazon.es/Cecotec-Excellence-Aspirador-Programable-Limpieza/dp/B01MUGXRT9');
    // Give the content script time to run and (not) frame anything.
    await page.waitForTimeout(1_500);
    await expect(pageViewOfSidebar(page)).resolves.toEqual({ hosts: 0, shadowRootVisible: false });
    expect(page.frames().filter((f) => f.url().startsWith('chrome-extension://'))).toHaveLength(0);
    await page.close();
  });
});
