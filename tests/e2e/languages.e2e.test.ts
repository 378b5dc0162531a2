/**
 * A German and a Japanese Chromium (issue 15): the sidebar on the saved
 * We-Think Amazon page, the popup and the options page speak the browser's
 * language, say so in `<html lang>`, and write dates and numbers its way —
 * although Chromium's `@@ui_locale` still reports "en_US".
 */
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonServerHandle } from '../server/harness';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { startE2eCanonServer } from './canon';
import { WE_THINK, weThinkOnAmazon } from './canon-pages';
import { FixtureServer, sidebarFrame } from './pages';

type Messages = Record<string, { message: string }>;

/** The built extension's text for `key`, with Chrome's $1 … $9 substituted. */
function text(messages: Messages, key: string, substitutions: string[] = []): string {
  const message = messages[key.replaceAll('.', '_')]?.message;
  if (message === undefined) throw new Error(`no message ${key}`);
  return message.replace(/\$([1-9])/gu, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}

async function messagesOf(language: string): Promise<Messages> {
  const file = path.resolve(import.meta.dirname, `../../locales/${language}.yml`);
  return generateChromeMessages(await parseMessagesFile(file)) as Messages;
}

// Each language's medium date and short time, as its readers write them, and
// its thousands separator. One of the canon's historic We-Think comments was
// written on 14 June 2010 at 08:39 UTC.
const LANGUAGES = [
  {
    language: 'de',
    historic: '14.06.2010, 08:39',
    dateTime: /^(\d{2})\.(\d{2})\.(\d{4}), \d{2}:\d{2}$/u,
    ymd: (m: RegExpExecArray) => `${m[3]}-${m[2]}-${m[1]}`,
    fiveThousand: '5.000',
  },
  {
    language: 'ja',
    historic: '2010/06/14 8:39',
    dateTime: /^(\d{4})\/(\d{2})\/(\d{2}) \d{1,2}:\d{2}$/u,
    ymd: (m: RegExpExecArray) => `${m[1]}-${m[2]}-${m[3]}`,
    fiveThousand: '5,000',
  },
];

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's rule ids that fail in a frame (among them a missing or invalid `lang`). */
async function axeViolations(frame: Frame | Page): Promise<string[]> {
  await frame.evaluate(await AXE_SOURCE);
  return frame.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }).axe;
    return (await axe.run()).violations.map((v) => v.id);
  });
}

async function rootLanguage(frame: Frame | Page): Promise<{ lang: string; dir: string }> {
  return frame.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

describe.each(LANGUAGES)(
  'a Chromium whose language is $language',
  ({ language, historic, dateTime, ymd, fiveThousand }) => {
    let canon: CanonServerHandle;
    let browser: ExtensionBrowser;
    let messages: Messages;

    beforeAll(async () => {
      messages = await messagesOf(language);
      canon = await startE2eCanonServer();
      browser = await launchWithExtension({ language, timeZone: 'UTC' });
      const pages = await FixtureServer.install(browser.context);
      pages.serveHtml(WE_THINK.url, await weThinkOnAmazon());
    });
    afterAll(async () => {
      await browser?.close();
      await canon?.stop();
    });

    it('shows the sidebar in that language, with its dates and numbers', async () => {
      const page = await browser.context.newPage();
      await page.goto(WE_THINK.url, { waitUntil: 'domcontentloaded' });
      const sidebar = await sidebarFrame(page);
      const tab = sidebar.getByRole('button', { name: text(messages, 'sidebar.open') });
      if (await tab.isVisible()) await tab.click();
      await sidebar.getByText('You are what you share').waitFor();
      expect(await rootLanguage(sidebar)).toEqual({ lang: language, dir: 'ltr' });
      await sidebar.getByRole('heading', { name: text(messages, 'form.title') }).waitFor();

      // The historic comments' dates, and every other date shown, in the language's own form.
      await sidebar.locator('time', { hasText: historic }).first().waitFor();
      const times = await sidebar
        .locator('time')
        .evaluateAll((nodes) =>
          nodes.map((node) => ({ shown: node.textContent ?? '', at: node.getAttribute('datetime') ?? '' })),
        );
      expect(times.length).toBeGreaterThan(0);
      for (const { shown, at } of times) {
        const parts = dateTime.exec(shown);
        expect(parts, shown).not.toBeNull();
        expect(ymd(parts!), shown).toBe(at.slice(0, 10));
      }

      // "0 of 5,000 characters" with the language's own grouping.
      await sidebar.getByText(text(messages, 'form.count', ['0', fiveThousand])).waitFor();
      expect(await axeViolations(sidebar)).toEqual([]);
      await page.close();
    });

    it('dates a waiting write on the options page in that language, and the popup says its language too', async () => {
      const page = await browser.context.newPage();
      await page.goto(WE_THINK.url, { waitUntil: 'domcontentloaded' });
      const sidebar = await sidebarFrame(page);
      const tab = sidebar.getByRole('button', { name: text(messages, 'sidebar.open') });
      if (await tab.isVisible()) await tab.click();
      const body = `${language}: a comment waiting for its reader's name`;
      const field = sidebar.getByLabel(text(messages, 'form.body'), { exact: true });
      await field.fill(body);
      await sidebar.getByRole('button', { name: text(messages, 'form.submit') }).click();
      // Queued: the draft is cleared once the outbox holds the comment (the announcement may already be gone).
      await expect.poll(() => field.inputValue(), { timeout: 30_000 }).toBe('');
      await page.close();

      const options = await browser.openExtensionPage('options.html');
      await options.getByRole('heading', { name: text(messages, 'options.title') }).waitFor();
      expect(await rootLanguage(options)).toEqual({ lang: language, dir: 'ltr' });
      const waiting = options.locator('li', { hasText: body.slice(0, 20) }).locator('time');
      await waiting.waitFor();
      const shown = (await waiting.textContent()) ?? '';
      const parts = dateTime.exec(shown);
      expect(parts, shown).not.toBeNull();
      expect(ymd(parts!)).toBe(((await waiting.getAttribute('datetime')) ?? '').slice(0, 10));
      expect(await axeViolations(options)).toEqual([]);
      await options.close();

      const popup = await browser.openExtensionPage('popup.html');
      await popup
        .getByRole('heading', { name: text(messages, 'popup.title') })
        .first()
        .waitFor();
      expect(await rootLanguage(popup)).toEqual({ lang: language, dir: 'ltr' });
      await popup.close();
    });
  },
);
