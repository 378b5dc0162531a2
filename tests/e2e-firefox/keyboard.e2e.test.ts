/**
 * Bookside by keyboard alone, in Firefox with the real canon server, on the
 * saved Amazon page of a canon book, as tests/e2e/keyboard.e2e.test.ts does
 * in Chromium: the sidebar's tab among the page's first tab stops, opened
 * with Enter, collapsed with Escape with focus put back, and the toggle
 * shortcut, here through Firefox's own `commands` machinery.
 */
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonServerHandle } from '../server/harness';
import { startE2eCanonServer } from '../e2e/canon';
import { WE_THINK, weThinkOnAmazon } from '../e2e/canon-pages';
import { expectHolds } from '../e2e/holds';
import { firefoxSurface } from '../e2e/journey/firefox';
import {
  FirefoxPages,
  launchFirefoxWithExtension,
  pageViewOfSidebar,
  pressShortcutInToolbar,
  runShortcutKey,
  sidebarFrame,
  tabReportFor,
  type FirefoxExtensionBrowser,
} from './firefox';

/** The bar: the tab within this many Tab presses from the page's start. */
const MAX_TAB_PRESSES = 3;
/** The manifest's suggested key for the toggle command (wxt.config.ts). */
const SHORTCUT = 'Alt+Shift+B';

/** What has the keyboard: inside the sidebar (its focused control's text) or in the page (the element's id). */
async function focusIn(page: Page, frame: Frame): Promise<{ where: 'sidebar' | 'page'; what: string }> {
  const inSidebar = await page.evaluate(() => document.activeElement?.localName === 'bookside-sidebar');
  if (inSidebar) {
    const what = await frame.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    return { where: 'sidebar', what };
  }
  return { where: 'page', what: await page.evaluate(() => document.activeElement?.id ?? '') };
}

/** The names of the buttons the sidebar shows: "Open Bookside" collapsed, "Collapse" among others open. */
function buttons(frame: Frame): Promise<string[]> {
  return frame.evaluate(() =>
    [...document.querySelectorAll('button')]
      .filter((button) => button.checkVisibility())
      .map((button) => (button.getAttribute('aria-label') ?? button.textContent ?? '').trim()),
  );
}

const WAIT = { timeout: 15_000 };

describe('Bookside by keyboard, in Firefox', () => {
  let canon: CanonServerHandle;
  let ff: FirefoxExtensionBrowser;
  let pages: FirefoxPages;

  beforeAll(async () => {
    canon = await startE2eCanonServer();
    ff = await launchFirefoxWithExtension();
    pages = new FirefoxPages(ff);
    pages.serveHtml(WE_THINK.url, await weThinkOnAmazon());
  });
  afterAll(async () => {
    await ff?.close();
    await canon?.stop();
  });

  async function openWeThink(): Promise<{ page: Page; frame: Frame }> {
    const page = await pages.open(WE_THINK.url);
    await page.bringToFront();
    const frame = await sidebarFrame(ff, page, 15_000);
    await expect.poll(() => buttons(frame), WAIT).toEqual(['Open Bookside']);
    return { page, frame };
  }

  it(`reaches the tab within ${MAX_TAB_PRESSES} Tab presses, opens it with Enter, and Escape puts focus back on it`, async () => {
    const { page, frame } = await openWeThink();
    const stops: string[] = [];
    for (let press = 1; press <= MAX_TAB_PRESSES; press++) {
      await page.keyboard.press('Tab');
      const focus = await focusIn(page, frame);
      stops.push(`${focus.where}:${focus.what}`);
      if (focus.where === 'sidebar') break;
    }
    expect(stops.at(-1)).toBe('sidebar:Open Bookside');

    await page.keyboard.press('Enter');
    await firefoxSurface(frame).waitForHeading(WE_THINK.title, { timeoutMs: 15_000 });
    // Opened from its own tab, the keyboard is in the open sidebar, at its top.
    await expect.poll(() => focusIn(page, frame), WAIT).toEqual({ where: 'sidebar', what: 'Bookside' });

    await page.keyboard.press('Escape');
    await expect.poll(() => buttons(frame), WAIT).toEqual(['Open Bookside']);
    await expect.poll(() => focusIn(page, frame), WAIT).toEqual({ where: 'sidebar', what: 'Open Bookside' });
    await page.close();
  });

  it(`toggles the sidebar with ${SHORTCUT} typed into Firefox’s window`, async () => {
    const { page, frame } = await openWeThink();
    // The real keystroke, into the toolbar: Firefox's keyset turns it into the add-on's command.
    await pressShortcutInToolbar(ff, SHORTCUT);
    await firefoxSurface(frame).waitForHeading(WE_THINK.title, { timeoutMs: 15_000 });
    await expect.poll(() => buttons(frame), WAIT).toContain('Collapse');
    await pressShortcutInToolbar(ff, SHORTCUT);
    await expect.poll(() => buttons(frame), WAIT).toEqual(['Open Bookside']);
    await page.close();
  });

  it('toggles the sidebar by the shortcut’s command with the keyboard in the page, and collapsing puts focus back there', async () => {
    const { page, frame } = await openWeThink();
    await page.focus('#twotabsearchtextbox');

    await runShortcutKey(ff, SHORTCUT);
    await firefoxSurface(frame).waitForHeading(WE_THINK.title, { timeoutMs: 15_000 });
    await expect.poll(() => focusIn(page, frame), WAIT).toEqual({ where: 'sidebar', what: 'Bookside' });

    // Escape inside the sidebar collapses it; the page's search field has the keyboard again.
    await page.keyboard.press('Escape');
    await expect.poll(() => buttons(frame), WAIT).toEqual(['Open Bookside']);
    await expect.poll(() => focusIn(page, frame), WAIT).toEqual({ where: 'page', what: 'twotabsearchtextbox' });

    // The shortcut again, twice: open, then collapse, and the keyboard is back in the page.
    await runShortcutKey(ff, SHORTCUT);
    await expect.poll(() => buttons(frame), WAIT).toContain('Collapse');
    await runShortcutKey(ff, SHORTCUT);
    await expect.poll(() => buttons(frame), WAIT).toEqual(['Open Bookside']);
    await expect.poll(() => focusIn(page, frame), WAIT).toEqual({ where: 'page', what: 'twotabsearchtextbox' });
    await page.close();
  });

  it('frames nothing when the shortcut comes on a page that is no book', async () => {
    const url = 'https://www.amazon.es/Cecotec-Excellence-Aspirador-Programable-Limpieza/dp/B01MUGXRT9';
    const page = await pages.open(url, 'amazon/es-negative-window-robot.html');
    // The content script has looked and found no book.
    const control = await ff.openExtensionPage('options.html');
    expect((await tabReportFor(control, url)).book).toBeNull();
    await control.close();
    await page.bringToFront();
    await runShortcutKey(ff, SHORTCUT);
    await expectHolds(
      async () => expect(await pageViewOfSidebar(page)).toEqual({ hosts: 0, shadowRootVisible: false, frames: 0 }),
      { forMs: 2_000 },
    );
    await page.close();
  });
});
