/**
 * A German and a Japanese Firefox, as tests/e2e/languages does in Chromium:
 * the sidebar on the saved We-Think Amazon page, the popup and the options
 * page speak the browser's language, say so in `<html lang>`, and write
 * dates and numbers its way. Firefox ESR takes its UI language from
 * `intl.locale.requested` only when a langpack of it is installed (Debian's
 * firefox-esr-l10n-de and firefox-esr-l10n-ja; .ci/run installs them);
 * without one it stays English and `i18n.getUILanguage()` says "en-US".
 */
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonServerHandle } from '../server/harness';
import { startE2eCanonServer } from '../e2e/canon';
import { WE_THINK, weThinkOnAmazon } from '../e2e/canon-pages';
import { firefoxSurface } from '../e2e/journey/firefox';
import { FirefoxPages, launchFirefoxWithExtension, sidebarFrame, type FirefoxExtensionBrowser } from './firefox';

type Messages = Record<string, { message: string }>;

/** The built add-on's text for `key`, with $1 … $9 substituted. */
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

/** axe-core's rule ids that fail in a document (among them a missing or invalid `lang`). */
async function axeViolations(target: Frame | Page): Promise<string[]> {
  await target.evaluate(await AXE_SOURCE);
  return target.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }).axe;
    return (await axe.run()).violations.map((v) => v.id);
  });
}

function rootLanguage(target: Frame | Page): Promise<{ lang: string; dir: string }> {
  return target.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

/** Every `<time>` shown: its text and its machine-readable `datetime`. */
function times(target: Frame | Page): Promise<{ shown: string; at: string }[]> {
  return target.evaluate(() =>
    [...document.querySelectorAll('time')].map((node) => ({
      shown: node.textContent ?? '',
      at: node.getAttribute('datetime') ?? '',
    })),
  );
}

const WAIT = { timeout: 15_000 };
const WAIT_MS = { timeoutMs: 15_000 };

describe.each(LANGUAGES)(
  'a Firefox whose language is $language',
  ({ language, historic, dateTime, ymd, fiveThousand }) => {
    let canon: CanonServerHandle;
    let ff: FirefoxExtensionBrowser;
    let pages: FirefoxPages;
    let messages: Messages;

    beforeAll(async () => {
      messages = await messagesOf(language);
      canon = await startE2eCanonServer();
      ff = await launchFirefoxWithExtension({ prefs: { 'intl.locale.requested': language }, env: { TZ: 'UTC' } });
      pages = new FirefoxPages(ff);
      pages.serveHtml(WE_THINK.url, await weThinkOnAmazon());
    });
    afterAll(async () => {
      await ff?.close();
      await canon?.stop();
    });

    /** The We-Think page with its sidebar open (it stays open once opened). */
    async function openSidebar(): Promise<{ page: Page; sidebar: Frame }> {
      const page = await pages.open(WE_THINK.url);
      const sidebar = await sidebarFrame(ff, page, 15_000);
      const open = text(messages, 'sidebar.open');
      const collapsed = () =>
        sidebar.evaluate(
          (name) =>
            [...document.querySelectorAll('button')].some(
              (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
            ),
          open,
        );
      if (await collapsed()) await firefoxSurface(sidebar).click(open);
      return { page, sidebar };
    }

    it('runs Firefox itself in that language, as the add-on is told', async () => {
      // Not faked by the test: the langpack is installed and Firefox switched to it.
      // (English stays behind it as the fallback.)
      expect((await ff.privileged<string[]>('Services.locale.appLocalesAsBCP47'))[0]).toBe(language);
      const control = await ff.openExtensionPage('options.html');
      expect(await control.evaluate(() => chrome.i18n.getUILanguage())).toBe(language);
      await control.close();
    });

    it('shows the sidebar in that language, with its dates and numbers', async () => {
      const { page, sidebar } = await openSidebar();
      const surface = firefoxSurface(sidebar);
      await surface.waitForText('You are what you share', { timeoutMs: 15_000 });
      expect(await rootLanguage(sidebar)).toEqual({ lang: language, dir: 'ltr' });
      await surface.waitForHeading(text(messages, 'form.title'));

      // The historic comments' dates, and every other date shown, in the language's own form.
      await expect.poll(async () => (await times(sidebar)).map((t) => t.shown), WAIT).toContain(historic);
      const shown = await times(sidebar);
      expect(shown.length).toBeGreaterThan(0);
      for (const { shown: date, at } of shown) {
        const parts = dateTime.exec(date);
        expect(parts, date).not.toBeNull();
        expect(ymd(parts!), date).toBe(at.slice(0, 10));
      }

      // "0 of 5,000 characters" with the language's own grouping.
      await surface.waitForText(text(messages, 'form.count', ['0', fiveThousand]));
      expect(await axeViolations(sidebar)).toEqual([]);
      await page.close();
    });

    it('dates a waiting write on the options page in that language, and the popup says its language too', async () => {
      // A rating given without a name and e-mail address waits in the browser's outbox, unsent. (The
      // comment form does not queue a comment without them: it asks for them inline, as
      // tests/e2e-firefox/sidebar-participation shows.)
      const { page, sidebar } = await openSidebar();
      const surface = firefoxSurface(sidebar);
      await surface.waitForHeading(WE_THINK.title, { timeoutMs: 15_000 });
      await surface.press(text(messages, 'popup.yourRating'), 'End');
      await expect.poll(() => surface.attribute(text(messages, 'popup.yourRating'), 'aria-valuenow'), WAIT).toBe('5');
      await surface.waitForText(text(messages, 'myRating.waitsForIdentity'), WAIT_MS);
      await page.close();

      const options = await ff.openExtensionPage('options.html');
      await firefoxSurface(options).waitForHeading(text(messages, 'options.title'));
      expect(await rootLanguage(options)).toEqual({ lang: language, dir: 'ltr' });
      const waiting = () =>
        options.evaluate((start) => {
          const time = [...document.querySelectorAll('li')]
            .find((li) => li.textContent?.includes(start))
            ?.querySelector('time');
          return time ? { shown: time.textContent ?? '', at: time.getAttribute('datetime') ?? '' } : null;
        }, WE_THINK.title);
      await expect.poll(waiting, WAIT).not.toBeNull();
      const { shown, at } = (await waiting())!;
      const parts = dateTime.exec(shown);
      expect(parts, shown).not.toBeNull();
      expect(ymd(parts!)).toBe(at.slice(0, 10));
      expect(await axeViolations(options)).toEqual([]);
      await options.close();

      const popup = await ff.openExtensionPage('popup.html');
      await firefoxSurface(popup).waitForHeading(text(messages, 'popup.title'));
      expect(await rootLanguage(popup)).toEqual({ lang: language, dir: 'ltr' });
      await popup.close();
    });
  },
);
