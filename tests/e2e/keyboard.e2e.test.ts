/**
 * Bookside by keyboard alone, in Chromium with the real canon server, on the
 * saved Amazon page of a canon book: the sidebar's tab among the page's
 * first tab stops, opened with Enter, collapsed with Escape with focus put
 * back, the toggle shortcut, and a walk through the panels.
 */
import path from 'node:path';
import type { Frame, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonServerHandle } from '../server/harness';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { startE2eCanonServer } from './canon';
import { WE_THINK, weThinkOnAmazon } from './canon-pages';
import { FixtureServer, reportedTabId, sidebarFrame } from './pages';

const ARTIFACTS = path.resolve(import.meta.dirname, '.artifacts');
/** The bar: the tab within this many Tab presses from the page's start. */
const MAX_TAB_PRESSES = 3;

/** What has the keyboard: inside the sidebar (its focused control's text) or in the page (the element's id). */
async function focusIn(page: Page, frame: Frame): Promise<{ where: 'sidebar' | 'page'; what: string }> {
  const inSidebar = await page.evaluate(() => document.activeElement?.localName === 'bookside-sidebar');
  if (inSidebar) {
    const what = await frame.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    return { where: 'sidebar', what };
  }
  return { where: 'page', what: await page.evaluate(() => document.activeElement?.id ?? '') };
}

/**
 * The same message the background sends when the browser delivers the shortcut (commands.onCommand →
 * lib/background/tabs/sidebar-command). Headless Chromium delivers no `commands` keystroke (its
 * accelerators belong to the browser window, and keys sent over DevTools go to the page), so the test
 * drives the command's path from the worker on: tabs.sendMessage to the tab's top frame, the protocol's
 * envelope, the content script's answer.
 */
async function pressShortcut(worker: Worker, tabId: number): Promise<unknown> {
  return worker.evaluate(
    (tab) =>
      chrome.tabs.sendMessage(
        tab,
        { id: 1, type: 'toggleSidebar', data: undefined, timestamp: Date.now() },
        { frameId: 0 },
      ),
    tabId,
  );
}

describe('Bookside by keyboard, in Chromium', () => {
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

  async function openWeThink(): Promise<{ page: Page; frame: Frame }> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(WE_THINK.url, { waitUntil: 'domcontentloaded' });
    const frame = await sidebarFrame(page);
    await frame.getByRole('button', { name: 'Open Bookside' }).waitFor();
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
    // Its focus ring lies wholly inside the tab's frame, so none of it is cut off (looked at in the artifact).
    const ring = await frame.evaluate(() => {
      const tab = document.activeElement as HTMLElement;
      const style = getComputedStyle(tab);
      const box = tab.getBoundingClientRect();
      const inset = -Number.parseFloat(style.outlineOffset);
      const width = Number.parseFloat(style.outlineWidth);
      return {
        style: style.outlineStyle,
        inside: inset >= width && box.left >= 0 && box.right <= innerWidth && box.top >= 0 && box.bottom <= innerHeight,
      };
    });
    expect(ring).toEqual({ style: 'solid', inside: true });
    await page.screenshot({
      path: path.join(ARTIFACTS, 'keyboard-tab-focused.png'),
      clip: { x: 1280 - 60, y: 900 / 2 - 80, width: 60, height: 160 },
    });

    await page.keyboard.press('Enter');
    await frame.getByRole('heading', { name: WE_THINK.title }).waitFor();
    // Opened from its own tab, the keyboard is in the open sidebar, at its top.
    await expect.poll(() => focusIn(page, frame)).toEqual({ where: 'sidebar', what: 'Bookside' });

    await page.keyboard.press('Escape');
    await frame.getByRole('button', { name: 'Open Bookside' }).waitFor();
    await expect.poll(() => focusIn(page, frame)).toEqual({ where: 'sidebar', what: 'Open Bookside' });
    await page.close();
  });

  it('toggles the sidebar with the shortcut, and collapsing puts focus back where it was in the page', async () => {
    const { page, frame } = await openWeThink();
    const worker = await browser.serviceWorker();
    const tabId = await reportedTabId(worker, page.url());
    await page.focus('#twotabsearchtextbox');

    await expect(pressShortcut(worker, tabId)).resolves.toEqual({ res: { ok: true, value: true } });
    await frame.getByRole('heading', { name: WE_THINK.title }).waitFor();
    await expect.poll(() => focusIn(page, frame)).toEqual({ where: 'sidebar', what: 'Bookside' });

    // Escape inside the sidebar collapses it; the page's search field has the keyboard again.
    await page.keyboard.press('Escape');
    await frame.getByRole('button', { name: 'Open Bookside' }).waitFor();
    await expect.poll(() => focusIn(page, frame)).toEqual({ where: 'page', what: 'twotabsearchtextbox' });

    // The shortcut again, twice: open, then collapse, and the keyboard is back in the page.
    await pressShortcut(worker, tabId);
    await frame.getByRole('heading', { name: WE_THINK.title }).waitFor();
    await pressShortcut(worker, tabId);
    await frame.getByRole('button', { name: 'Open Bookside' }).waitFor();
    await expect.poll(() => focusIn(page, frame)).toEqual({ where: 'page', what: 'twotabsearchtextbox' });
    await page.close();
  });

  it('leaves the shortcut unanswered on a page that is no book (nothing to toggle), and frames nothing', async () => {
    const url = 'https://www.amazon.es/Cecotec-Excellence-Aspirador-Programable-Limpieza/dp/B01MUGXRT9';
    const page = await pages.open('amazon/es-negative-window-robot.html', url);
    const worker = await browser.serviceWorker();
    const tabId = await reportedTabId(worker, page.url());
    // The shortcut's listener comes with the sidebar controls, loaded only once a book is found: the browser
    // refuses the message, which the background reads as "no sidebar here" (lib/background/tabs/sidebar-command.ts).
    await expect(pressShortcut(worker, tabId)).rejects.toThrow(/Receiving end does not exist/);
    // Its address may be a book's, so the sidebar may be framed hidden while the page loads (the first report,
    // which this test waits for, is the early one clearing the tab, sent before detection); detection then
    // takes that frame away, never having shown it. This test predates the early frame and looked only once.
    const shown = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('bookside-sidebar')].filter(
            (host) => getComputedStyle(host).visibility !== 'hidden',
          ).length,
      );
    expect(await shown()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.querySelectorAll('bookside-sidebar').length), { timeout: 10_000 })
      .toBe(0);
    expect(await shown()).toBe(0);
    await page.close();
  });

  it('walks the journey by keyboard alone: open the sidebar, move through its panels, add a tag, collapse', async () => {
    const { page, frame } = await openWeThink();
    for (let press = 0; press < MAX_TAB_PRESSES; press++) {
      await page.keyboard.press('Tab');
      if ((await focusIn(page, frame)).where === 'sidebar') break;
    }
    await page.keyboard.press('Enter');
    await frame.getByRole('heading', { name: WE_THINK.title }).waitFor();
    await frame.getByText('You are what you share').waitFor();

    // Tab on through the sidebar, noting the panel of every control on the way, until the focus leaves it.
    const visited: { panel: string; control: string }[] = [];
    for (let press = 0; press < 80; press++) {
      await page.keyboard.press('Tab');
      if ((await focusIn(page, frame)).where !== 'sidebar') break;
      visited.push(
        await frame.evaluate(() => {
          const control = document.activeElement as HTMLInputElement;
          const label = control.labels?.[0]?.textContent ?? control.getAttribute('aria-label') ?? control.textContent;
          const panel = control.closest('section, header')?.querySelector('h1, h2')?.textContent ?? '';
          return { panel: panel.trim(), control: (label ?? '').trim() };
        }),
      );
    }
    const panels = [...new Set(visited.map((stop) => stop.panel))];
    expect(panels).toEqual(expect.arrayContaining(['Bookside', 'Tags', 'Share your perspective', 'Reviews elsewhere']));
    const controls = visited.map((stop) => stop.control);
    expect(controls).toEqual(expect.arrayContaining(['Collapse', 'Add a tag']));
    // This reader has no identity yet, so the comment form asks for name and e-mail address inline: the
    // keyboard goes through the comment, then the name, the address and the button that saves them and posts.
    const form = visited.filter((stop) => stop.panel === 'Share your perspective').map((stop) => stop.control);
    expect(form).toEqual(['Your comment', 'Contains spoilers', 'Name', 'E-mail address', 'Save name and post comment']);

    // Back (Shift+Tab) to the tag field, a tag typed and added with Enter: it is listed as the reader's own.
    for (let press = 0; press < 80; press++) {
      const label = await frame.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent);
      if (label === 'Add a tag') break;
      await page.keyboard.press('Shift+Tab');
    }
    await page.keyboard.type('slow reading');
    await page.keyboard.press('Enter');
    await frame.getByRole('button', { name: /Remove.*slow reading/ }).waitFor();

    await page.keyboard.press('Escape');
    await frame.getByRole('button', { name: 'Open Bookside' }).waitFor();
    await expect.poll(() => focusIn(page, frame)).toEqual({ where: 'sidebar', what: 'Open Bookside' });
    await page.close();
  });
});
