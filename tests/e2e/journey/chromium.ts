/** The journey driver for Chromium: Playwright locators on the page, popup, options page or sidebar frame. */
import type { Frame, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../browser';
import { reportedTabId, sidebarFrame } from '../pages';
import type { BookTab, ExtensionPageSurface, JourneyBrowser, Surface } from './driver';

type Document = Pick<Page, 'getByText' | 'getByRole' | 'getByLabel'>;

export function chromiumSurface(document: Document): Surface {
  return {
    async waitForText(text, { timeoutMs, exact = false } = {}) {
      await document.getByText(text, { exact }).first().waitFor({ timeout: timeoutMs });
    },
    async waitForHeading(name, { timeoutMs } = {}) {
      await document.getByRole('heading', { name }).first().waitFor({ timeout: timeoutMs });
    },
    async waitForItem(containing, text, { timeoutMs, gone = false } = {}) {
      const item = document.getByRole('listitem').filter({ hasText: containing });
      await item.waitFor({ timeout: timeoutMs });
      await item.getByText(text).waitFor({ state: gone ? 'detached' : 'visible', timeout: timeoutMs });
    },
    async click(name) {
      await document.getByRole('button', { name }).click();
    },
    async fill(label, value) {
      await document.getByLabel(label).fill(value);
    },
    async press(label, key) {
      const control = document.getByLabel(label);
      await control.focus();
      await control.press(key);
    },
    attribute: (label, attribute) => document.getByLabel(label).getAttribute(attribute),
  };
}

export interface ChromiumBookTab extends BookTab {
  page: Page;
  frame(): Promise<Frame>;
}

export interface ChromiumExtensionPage extends ExtensionPageSurface {
  page: Page;
}

/** The journey driver, with the browser's own page objects for what only this browser's tests do. */
export interface ChromiumJourney extends JourneyBrowser {
  openBookPage(url: string): Promise<ChromiumBookTab>;
  openExtensionPage(file: string): Promise<ChromiumExtensionPage>;
}

export function chromiumJourney(browser: ExtensionBrowser): ChromiumJourney {
  return {
    async openBookPage(url) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return {
        page,
        frame: () => sidebarFrame(page),
        sidebar: async () => chromiumSurface(await sidebarFrame(page)),
        tabId: async () => reportedTabId(await browser.serviceWorker(), page.url()),
        async reload() {
          await page.reload({ waitUntil: 'domcontentloaded' });
        },
        close: () => page.close(),
      };
    },
    async openExtensionPage(file) {
      const page = await browser.openExtensionPage(file);
      return { ...chromiumSurface(page), page, close: () => page.close() };
    },
  };
}
