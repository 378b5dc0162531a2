/**
 * Taking part on the book page without the extension, over real HTTP: the
 * first post asks for name and e-mail and stays provisional until the mailed
 * link is followed; the browser is then remembered by an HttpOnly cookie.
 * Forms without the browser's CSRF token, or from another origin, change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieOptions } from '../../server/web/participate';
import { call, uniqueEmail } from './client';
import { browser } from './web-browser';
import { backends, startCanonServer, type CanonServerHandle } from './harness';

describe.each(backends())('the book page form (%s)', (backend) => {
  let server: CanonServerHandle;
  beforeAll(async () => {
    server = await startCanonServer({ backend });
  });
  afterAll(() => server?.stop());

  const BOOK = '/books/good-services';
  const publishedCount = async () =>
    (await call(server.api, 'GET', '/books/good-services')).body.commentCount as number;

  it('refuses a form without the browser’s CSRF token, or from another origin, and stores nothing', async () => {
    const reader = browser(server.url);
    await reader.open(BOOK);
    expect(reader.jar.has('bookside_csrf')).toBe(true);
    const fields = { name: 'Mallory', email: uniqueEmail(), body: 'Forged from elsewhere.' };
    for (const response of [
      await reader.post(BOOK, { ...fields, csrf: 'not-the-token' }),
      await reader.post(BOOK, fields),
      await browser(server.url).post(BOOK, { ...fields, csrf: reader.jar.get('bookside_csrf') ?? '' }),
      await reader.post(
        BOOK,
        { ...fields, csrf: reader.jar.get('bookside_csrf') ?? '' },
        { origin: 'https://evil.example' },
      ),
    ]) {
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`${BOOK}?problem=csrf#participate`);
    }
    expect(reader.jar.has('bookside_identity')).toBe(false);
    const rows = await server.server.deps.db
      .selectFrom('comments')
      .select('id')
      .where('book_id', '=', 'good-services')
      .execute();
    expect(rows).toEqual([]);
  });

  it('asks for a name and an address the first time, and for something to post', async () => {
    const reader = browser(server.url);
    const noName = await reader.submit(BOOK, { body: 'A comment without a name.' });
    expect(noName.headers.get('location')).toBe(`${BOOK}?problem=who#participate`);
    const nothing = await reader.submit(BOOK, { name: 'Ada', email: uniqueEmail() });
    expect(nothing.headers.get('location')).toBe(`${BOOK}?problem=nothing#participate`);
    const { doc } = await reader.open(`${BOOK}?problem=who`);
    expect(doc.querySelector('[role="alert"]')?.textContent).toBe('Please give your name and a valid e-mail address.');
  });

  it('keeps a first rating and comment provisional until the mailed link is followed, then publishes both', async () => {
    const reader = browser(server.url);
    const email = uniqueEmail();
    const before = await publishedCount();
    const sent = await reader.submit(BOOK, {
      name: 'Qin Web',
      email,
      rating: '4.5',
      body: 'Read it on a phone, commented without the extension.',
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toMatch(new RegExp(`^${BOOK}\\?sent=1#comment-[0-9a-f-]{36}$`));
    const identityCookie = reader.setCookies.find((c) => c.startsWith('bookside_identity='));
    expect(identityCookie).toMatch(/HttpOnly/);
    expect(identityCookie).toMatch(/SameSite=Lax/);
    expect(identityCookie).not.toMatch(/Secure/);

    const mine = await reader.open(sent.headers.get('location') ?? '');
    expect(mine.doc.querySelector('[role="status"]')?.textContent).toContain('You should only need to do this once.');
    const id = (sent.headers.get('location') ?? '').split('#comment-')[1] ?? '';
    expect(mine.doc.getElementById(`comment-${id}`)?.textContent).toContain('Waiting for your e-mail confirmation');
    const stranger = await browser(server.url).open(BOOK);
    expect(stranger.doc.getElementById(`comment-${id}`)).toBeNull();
    expect(stranger.doc.body.textContent).toContain('No ratings yet.');
    expect(await publishedCount()).toBe(before);

    const mail = await server.nextMail(email);
    expect((await fetch(mail.link ?? '')).status).toBe(200);
    const after = await browser(server.url).open(BOOK);
    const item = after.doc.getElementById(`comment-${id}`);
    expect(item?.querySelector('.who')?.textContent).toBe('Qin Web');
    expect(item?.textContent).not.toContain('Waiting');
    expect(after.doc.body.textContent).toContain('4.5 of 5 stars from 1 reader');
    expect(await publishedCount()).toBe(before + 1);

    // Remembered: no name or address asked again, and the next comment goes straight out.
    const again = await reader.open(BOOK);
    expect(again.doc.querySelector('input[name="email"]')).toBeNull();
    expect(again.doc.body.textContent).toContain('You take part as Qin Web.');
    const second = await reader.submit(BOOK, { body: 'A second thought, published at once.' });
    const secondId = (second.headers.get('location') ?? '').split('#comment-')[1] ?? '';
    const seen = await browser(server.url).open(BOOK);
    expect(seen.doc.getElementById(`comment-${secondId}`)?.textContent).toContain('A second thought');
  });

  it('mails a reader who registers on a Dutch page in Dutch, and confirms in Dutch', async () => {
    const reader = browser(server.url);
    const email = uniqueEmail();
    const { doc } = await reader.open(BOOK);
    const csrf = doc.querySelector('input[name="csrf"]')?.getAttribute('value') ?? '';
    const sent = await reader.post(
      BOOK,
      { csrf, name: 'Joost', email, body: 'Gelezen in de trein, zonder de extensie.' },
      { 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.5' },
    );
    expect(sent.status).toBe(303);
    const mail = await server.nextMail(email);
    expect(mail.subject).toBe('Bevestig je naam voor de boekencanon');
    expect(mail.text).toContain('Hallo Joost,');
    const page = await fetch(mail.link ?? '');
    expect(await page.text()).toContain('<h1>Bevestigd</h1>');
  });

  it('marks its cookies Secure when the server’s public address is HTTPS', () => {
    // A test server on an ephemeral port is always reached at its own http:// address, so the rule is checked directly.
    expect(cookieOptions({ ...server.server.deps.config, publicUrl: 'https://canon.example.org' })).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
    });
    expect(cookieOptions(server.server.deps.config).secure).toBe(false);
  });
});
