import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonServerHandle } from '../server/harness';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { startE2eCanonServer } from './canon';
import { WE_THINK, weThinkOnAmazon } from './canon-pages';
import { FixtureServer, sidebarFrame } from './pages';

const ARTIFACTS = path.resolve(import.meta.dirname, '.artifacts');

describe('the reader’s journey, in Chromium with the real canon server', () => {
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

  async function openWeThink(): Promise<{ page: Page; sidebar: Frame }> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(WE_THINK.url, { waitUntil: 'domcontentloaded' });
    return { page, sidebar: await sidebarFrame(page) };
  }

  it('shows a canon book’s entry and chapters beside its Amazon page', async () => {
    const { page, sidebar } = await openWeThink();
    // Collapsed to a small tab at first.
    const tab = sidebar.getByRole('button', { name: /open/i });
    await tab.waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'sidebar-collapsed.png') });
    await tab.click();
    await expect(sidebar.getByRole('heading', { name: 'We-Think' }).waitFor()).resolves.toBeUndefined();
    await sidebar.getByText('You are what you share').waitFor();
    await sidebar.getByText('In the canon', { exact: true }).first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'sidebar-light.png') });
    await page.close();
  });
});
