/**
 * The moderator's desk in real Chromium against the real canon server: a
 * moderator signs in by the link the SMTP receiver caught, approves a waiting
 * comment, marks another as spam, accepts a nomination after correcting its
 * title, and the new entry is on the canon's front page and in the
 * extension's sidebar beside a saved Goodreads page of that book. Every desk
 * page is checked with axe in light and dark; the queue and the entry form
 * are photographed for the docs.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, register, uniqueEmail } from '../server/client';
import { deskLinkOf } from '../server/desk-browser';
import type { CanonServerHandle } from '../server/harness';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { startE2eCanonServer } from './canon';
import { FixtureServer, sidebarFrame } from './pages';

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');
const MODERATOR = 'moderator@canon.example';
/** A saved Goodreads page of a book the seed canon does not hold (tests/fixtures/pages/MANIFEST.json). */
const STRANGE_PLANET = {
  file: 'goodreads/strange-planet.html',
  url: 'https://www.goodreads.com/book/show/44890112-strange-planet',
  isbn13: '9780062970701',
};

type AxeViolation = { id: string; nodes: { target: unknown }[] };

/** axe-core on the page as it is, in light and in dark. */
async function axeBothSchemes(page: Page): Promise<Record<string, AxeViolation[]>> {
  const results: Record<string, AxeViolation[]> = {};
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(await AXE_SOURCE);
    results[scheme] = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
      return (await axe.run()).violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target })) }));
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return results;
}

describe('the moderator’s desk, in Chromium with the real canon server', () => {
  let canon: CanonServerHandle;
  let browser: ExtensionBrowser;
  let pages: FixtureServer;
  let desk: Page;
  const axeResults: Record<string, Record<string, AxeViolation[]>> = {};

  beforeAll(async () => {
    canon = await startE2eCanonServer({ moderatorEmails: [MODERATOR] });
    browser = await launchWithExtension();
    pages = await FixtureServer.install(browser.context);
    desk = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await canon?.stop();
  });

  async function checkAxe(name: string) {
    axeResults[name] = await axeBothSchemes(desk);
    expect(axeResults[name], name).toEqual({ light: [], dark: [] });
  }

  it(
    'signs in by the e-mailed link, decides on comments, accepts an edited nomination',
    { timeout: 180_000 },
    async () => {
      // What waits for the moderator: two comments from writers who have not confirmed, and a nomination.
      const keep = await register(canon, 'Ruth Reader', uniqueEmail('ruth'));
      const spammer = await register(canon, 'Cheap Watches', uniqueEmail('spam'));
      const kept = await call(canon.api, 'POST', '/books/we-think/comments', {
        secret: keep.secret,
        key: crypto.randomUUID(),
        body: { body: 'The chapter on open source changed how I run workshops.' },
      });
      const spam = await call(canon.api, 'POST', '/books/we-think/comments', {
        secret: spammer.secret,
        key: crypto.randomUUID(),
        body: { body: 'Buy cheap watches at watches.example' },
      });
      const nominator = await register(canon, 'Nina Nominator', uniqueEmail('nina'));
      expect((await fetch((await canon.nextMail(nominator.email)).link ?? '')).status).toBe(200);
      // And a published comment a confirmed reader flagged.
      const flagged = await call(canon.api, 'POST', '/books/we-think/comments', {
        secret: nominator.secret,
        key: crypto.randomUUID(),
        body: { body: 'Leadbeater is simply wrong about everything, and so are his readers.' },
      });
      const flag = await call(canon.api, 'POST', `/comments/${flagged.body.id}/flags`, {
        secret: nominator.secret,
        body: { reason: 'offensive' },
      });
      expect(flag.status).toBe(202);
      // The flag reaches the moderator as the hour's digest.
      expect((await canon.nextMail(MODERATOR)).text).toContain('Leadbeater is simply wrong');
      const nomination = await call(canon.api, 'POST', '/nominations', {
        secret: nominator.secret,
        body: {
          isbn: STRANGE_PLANET.isbn13,
          title: 'Strange Planett (Strange Planet, #1)',
          authors: ['Nathan W. Pyle'],
          reason: 'Service design is seeing the ordinary as strange; these comics do exactly that.',
        },
      });
      expect(nomination.status).toBe(201);

      await desk.goto(`${canon.url}/admin`);
      await checkAxe('sign-in');
      await desk.getByLabel('E-mail address').fill(MODERATOR);
      await desk.getByRole('button', { name: 'Send me a sign-in link' }).click();
      await desk.getByText('a sign-in link is on its way').waitFor();
      await checkAxe('sign-in, link sent');
      const link = deskLinkOf((await canon.nextMail(MODERATOR)).text);
      await desk.goto(link);
      await checkAxe('sign-in link');
      await desk.getByRole('button', { name: 'Sign in to the desk' }).click();
      await desk.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
      await checkAxe('queue');
      await desk.setViewportSize({ width: 1000, height: 900 });
      await desk.locator(`#comment-${flagged.body.id}`).getByText('offensive × 1').waitFor();
      await desk.screenshot({ path: path.join(SCREENSHOTS, 'desk-queue.png'), fullPage: true });
      await desk.emulateMedia({ colorScheme: 'dark' });
      await desk.screenshot({ path: path.join(SCREENSHOTS, 'desk-queue-dark.png'), fullPage: true });
      await desk.emulateMedia({ colorScheme: 'light' });

      await desk.locator(`#comment-${kept.body.id}`).getByRole('button', { name: 'Approve' }).click();
      await desk.getByText('Approved: the comment is published.').waitFor();
      await desk.locator(`#comment-${spam.body.id}`).getByRole('button', { name: 'Spam' }).click();
      await desk.getByText('Marked as spam').waitFor();
      await checkAxe('queue, after a decision');
      const published = await call(canon.api, 'GET', '/books/we-think/comments?limit=50');
      const ids = published.body.comments.map((c: { id: string }) => c.id);
      expect(ids).toContain(kept.body.id);
      expect(ids).not.toContain(spam.body.id);

      // The desk's own Nominations, not the canon's public page of the same name in the site header.
      await desk
        .getByRole('navigation', { name: 'Moderator’s desk' })
        .getByRole('link', { name: 'Nominations' })
        .click();
      await desk.getByRole('heading', { name: 'Nominations', level: 1 }).waitFor();
      await checkAxe('nominations');
      await desk.locator(`#nomination-${nomination.body.id}`).getByRole('link', { name: 'Accept…' }).click();
      const title = desk.getByLabel('Title', { exact: true });
      await title.waitFor();
      expect(await title.inputValue()).toBe('Strange Planett');
      await title.fill('Strange Planet');
      await desk.getByLabel('Publisher').fill('Harper Design');
      await desk.getByLabel('Published').fill('2019-11-19');
      await desk.getByLabel('Chapters').fill('Beings and their days\nBeings and their feelings');
      await desk.getByLabel('Address (slug)').fill('strange-planet');
      await checkAxe('entry form');
      await desk.screenshot({ path: path.join(SCREENSHOTS, 'desk-entry-form.png'), fullPage: true });
      await desk.getByLabel('Published').fill('2019-19');
      await desk.getByRole('button', { name: 'Add to the canon' }).click();
      await desk.getByText('One field needs a change').waitFor();
      await checkAxe('entry form, refused');
      expect(await desk.getByLabel('Title', { exact: true }).inputValue()).toBe('Strange Planet');
      await desk.getByLabel('Published').fill('2019-11-19');
      await desk.getByRole('button', { name: 'Add to the canon' }).click();
      await desk.waitForURL(/\/admin\/nominations\?done=accepted$/, { timeout: 60_000 });
      await desk.getByText('Accepted: the entry is in the canon.').waitFor();

      await desk.getByRole('link', { name: 'Canon entries' }).click();
      await desk.getByRole('heading', { name: 'Canon entries', level: 1 }).waitFor();
      await checkAxe('entries');
      await desk.getByRole('link', { name: 'Strange Planet', exact: true }).click();
      await desk.getByRole('heading', { name: 'Edit “Strange Planet”' }).waitFor();
      await checkAxe('entry edit');
      await desk.getByRole('link', { name: 'Moderation log' }).click();
      await desk.getByRole('heading', { name: 'Moderation log', level: 1 }).waitFor();
      await checkAxe('moderation log');
      for (const action of ['comment-approve', 'comment-spam', 'nomination-accept']) {
        await desk.getByRole('cell', { name: action }).waitFor();
      }
      console.log(`axe on ${Object.keys(axeResults).length} desk pages, light and dark: ${JSON.stringify(axeResults)}`);
    },
  );

  it('shows the new entry on the canon’s front page and in the sidebar beside its Goodreads page', async () => {
    await desk.goto(`${canon.url}/`);
    await desk.getByRole('link', { name: 'Strange Planet', exact: true }).waitFor();
    const page = await pages.open(STRANGE_PLANET.file, STRANGE_PLANET.url);
    const sidebar = await sidebarFrame(page);
    const tab = sidebar.getByRole('button', { name: /open/i });
    if (await tab.isVisible()) await tab.click();
    await sidebar.getByText('In the canon', { exact: true }).waitFor();
    await sidebar.getByText('Beings and their feelings').waitFor();
    await page.close();
  });
});
