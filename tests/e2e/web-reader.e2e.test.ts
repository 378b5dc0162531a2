/**
 * The canon's web pages in real Chromium, without the extension: a reader
 * rates and comments on /books/we-think, confirms by the link in the mail
 * the real SMTP receiver caught, and sees both published; a comment's
 * permalink lands on it.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonServerHandle } from '../server/harness';
import { CHROMIUM_PATH } from './browser';
import { E2E_CANON_URL, startE2eCanonServer } from './canon';

/** Polls long enough for a loaded two-core machine; vitest's default is one second. */
const WAIT = { timeout: 15_000 };

describe('a reader on the canon’s web pages, in Chromium without the extension', () => {
  let canon: CanonServerHandle;
  let browser: Browser;

  beforeAll(async () => {
    canon = await startE2eCanonServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await canon?.stop();
  });

  const commentText = (page: Page, id: string) => page.locator(`#comment-${id}`).innerText();

  it('rates and comments, confirms by the mailed link, and sees both published', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const email = `web.reader.${Date.now()}@example.org`;
    await page.goto(`${E2E_CANON_URL}/books/we-think`);
    await expect.poll(() => page.locator('h1').innerText(), WAIT).toBe('We-Think');

    // The comment form; every report form under a comment asks for a name too.
    const form = page.locator('form[action="/books/we-think"]');
    await form.getByLabel('Your Name').fill('Wendy Web');
    await form.getByLabel('E-mail Address').fill(email);
    await form.getByLabel('Your rating').selectOption('4.5');
    await form
      .getByLabel('Your comment')
      .fill('Read on a phone, no extension: the mass-collaboration chapters hold up.');
    await form.getByRole('button', { name: 'Submit' }).click();

    await page.waitForURL(/\/books\/we-think\?sent=1#comment-[0-9a-f-]{36}$/);
    const id = page.url().split('#comment-')[1] ?? '';
    await expect
      .poll(() => page.getByRole('status').innerText(), WAIT)
      .toContain('Check your inbox: your rating and comment count once you follow the link in the e-mail.');
    expect(await page.getByRole('status').innerText()).toContain('You should only need to do this once.');
    expect(await commentText(page, id)).toContain('Waiting for your e-mail confirmation');
    expect(await page.locator('section[aria-labelledby="rating"]').innerText()).toContain(
      '1 more waiting for their e-mail confirmation.',
    );

    // Another reader sees neither yet.
    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(`${E2E_CANON_URL}/books/we-think`);
    expect(await stranger.locator(`#comment-${id}`).count()).toBe(0);
    expect(await stranger.locator('section[aria-labelledby="rating"]').innerText()).toContain('No ratings yet.');

    const mail = await canon.nextMail(email);
    expect(mail.link).toMatch(new RegExp(`^${E2E_CANON_URL}/confirm/`));
    await page.goto(mail.link ?? '');
    await expect.poll(() => page.locator('h1').innerText(), WAIT).toBe('Confirmed');

    // A fresh tab: on the open one only the fragment would change, and the page would not load again.
    const later = await stranger.context().newPage();
    await later.goto(`${E2E_CANON_URL}/books/we-think#comment-${id}`);
    await expect.poll(() => commentText(later, id), WAIT).toContain('Wendy Web');
    expect(await commentText(later, id)).toContain('the mass-collaboration chapters hold up');
    expect(await commentText(later, id)).not.toContain('Waiting');
    expect(await later.locator('section[aria-labelledby="rating"]').innerText()).toContain(
      '4.5 of 5 stars from 1 reader',
    );
    expect(await later.locator('#comments').innerText()).toBe('4 comments');
    // The permalink target is the comment itself.
    expect(await later.evaluate(() => document.querySelector(':target')?.id)).toBe(`comment-${id}`);

    // Remembered: the next comment needs no name or address and goes straight out.
    await page.goto(`${E2E_CANON_URL}/books/we-think`);
    expect(await page.getByLabel('E-mail Address').count()).toBe(0);
    await page.getByLabel('Your comment').fill('And a second thought, published at once.');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(/\?sent=1#comment-/);
    await expect.poll(() => page.getByRole('status').innerText(), WAIT).toBe('Thank you, it is published.');
    await context.close();
    await stranger.context().close();
  });

  it('opens a comment’s permalink from its visible link, and keeps the report form folded until asked', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${E2E_CANON_URL}/books/we-think`);
    const first = page.locator('ol.comments > li').first();
    const id = ((await first.getAttribute('id')) ?? '').replace('comment-', '');
    await first.getByRole('link', { name: /^Link to the comment by / }).click();
    await page.waitForURL(new RegExp(`#comment-${id}$`));
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(`comment-${id}`);
    // The report form is folded until its summary is clicked.
    expect(await first.locator('details.flag fieldset').isVisible()).toBe(false);
    await first.locator('details.flag summary').click();
    await expect.poll(() => first.locator('details.flag fieldset').isVisible(), WAIT).toBe(true);
    await context.close();
  });
});
