import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonServerHandle } from '../server/harness';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { startE2eCanonServer } from './canon';
import { WE_THINK, weThinkOnAmazon } from './canon-pages';
import { FixtureServer, sidebarFrame } from './pages';

// Accessibility and layout checked where happy-dom cannot: real layout, real
// colours (axe's contrast rule included), real zoom.
const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  nodes: { target: unknown }[];
}

/** Runs axe-core in a frame; `evaluate` is not subject to the extension pages' CSP. */
async function axeViolations(frame: Frame | Page): Promise<AxeViolation[]> {
  await frame.evaluate(await AXE_SOURCE);
  return frame.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

describe('the sidebar, popup and options in Chromium: accessibility and layout', () => {
  let canon: CanonServerHandle;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    canon = await startE2eCanonServer();
    browser = await launchWithExtension();
    const pages = await FixtureServer.install(browser.context);
    pages.serveHtml(WE_THINK.url, await weThinkOnAmazon());
  });
  afterAll(async () => {
    await browser?.close();
    await canon?.stop();
  });

  it.each(['light', 'dark'] as const)('has no axe violations in the open sidebar, %s theme', async (scheme) => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(WE_THINK.url, { waitUntil: 'domcontentloaded' });
    const sidebar = await sidebarFrame(page);
    const tab = sidebar.getByRole('button', { name: /open/i });
    const chapter = sidebar.getByText('You are what you share');
    // The frame is there from the start of the page (hidden until detection): wait until the sidebar shows
    // either its collapsed tab or the open book before deciding whether to open it.
    await expect
      .poll(async () => (await tab.isVisible()) || (await chapter.isVisible()), { timeout: 30_000 })
      .toBe(true);
    if (await tab.isVisible()) await tab.click();
    await chapter.waitFor();
    expect(await axeViolations(sidebar)).toEqual([]);
    await page.close();
  });

  it('fits the 360-pixel sidebar at 200% zoom without sideways scrolling', async () => {
    const page = await browser.context.newPage();
    await page.goto(WE_THINK.url, { waitUntil: 'domcontentloaded' });
    const sidebar = await sidebarFrame(page);
    await sidebar.getByText('You are what you share').waitFor();
    const fit = await sidebar.evaluate(() => {
      document.documentElement.style.zoom = '2';
      const root = document.scrollingElement ?? document.documentElement;
      return { viewport: window.innerWidth, scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
    });
    expect(fit.viewport).toBeLessThanOrEqual(360);
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
    await page.close();
  });

  it.each([
    ['popup.html', 'light'],
    ['popup.html', 'dark'],
    ['options.html', 'light'],
    ['options.html', 'dark'],
  ] as const)(
    'has no axe violations on %s, %s theme, and no strip of another colour around it',
    async (file, scheme) => {
      const page = await browser.openExtensionPage(file);
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator('h1').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      // The page around the surface has the surface's own background: no white margin beside a dark surface.
      const colours = await page.evaluate(() => {
        const surface = document.querySelector('.bookside')!;
        const bg = (el: Element) => getComputedStyle(el).backgroundColor;
        return { html: bg(document.documentElement), body: bg(document.body), surface: bg(surface) };
      });
      expect(colours.body).toBe(colours.surface);
      expect(colours.html).toBe(colours.surface);
      await page.close();
    },
  );
});
