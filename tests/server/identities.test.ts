import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, newIdentity, postComment, uniqueEmail } from './client';
import { backends, startCanonServer, type CanonServerHandle } from './harness';

const HOUR = 3_600_000;

describe.each(backends())('identities and confirmation (%s)', (backend) => {
  let server: CanonServerHandle;
  beforeAll(async () => {
    server = await startCanonServer({ backend });
  });
  afterAll(() => server?.stop());

  it('publishes a waiting comment when the mailed link is followed', async () => {
    // A book without historic comments, so the list shows only this reader's.
    const email = uniqueEmail();
    const reg = await call(server.api, 'POST', '/identities', { body: { name: 'Qin Han', email } });
    expect(reg.status).toBe(202);
    expect(reg.body).toEqual({
      id: expect.any(String),
      secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      confirmed: false,
      message: 'If this address can receive mail, a link is on its way.',
    });
    const secret = reg.body.secret as string;

    const posted = await postComment(server, 'good-services', secret, {
      body: 'More information never equals more knowledge.',
    });
    expect(posted.status).toBe(201);
    expect(posted.body.status).toBe('waiting');
    expect((await call(server.api, 'GET', '/books/good-services/comments')).body.comments).toEqual([]);
    const own = await call(server.api, 'GET', '/books/good-services/comments', { secret });
    expect(own.body.comments.map((c: { status: string }) => c.status)).toEqual(['waiting']);

    const mail = await server.nextMail(email);
    expect(mail.text).toContain('Hello Qin Han');
    expect(mail.link).toMatch(/\/confirm\/[A-Za-z0-9_-]{43}$/);
    const page = await fetch(mail.link ?? '');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('Confirmed');

    const published = await call(server.api, 'GET', '/books/good-services/comments');
    expect(published.body.comments).toMatchObject([
      {
        body: 'More information never equals more knowledge.',
        authorName: 'Qin Han',
        status: 'published',
        mine: false,
      },
    ]);
    expect((await call(server.api, 'GET', '/identities/me', { secret })).body).toMatchObject({
      name: 'Qin Han',
      confirmed: true,
    });
    // Later comments from the confirmed identity go straight out.
    expect((await postComment(server, 'good-services', secret, { body: 'A second thought.' })).body.status).toBe(
      'published',
    );
  });

  it('refuses a used link and an expired link', async () => {
    const email = uniqueEmail();
    await call(server.api, 'POST', '/identities', { body: { name: 'Once', email } });
    const link = (await server.nextMail(email)).link ?? '';
    expect((await fetch(link)).status).toBe(200);
    expect((await fetch(link)).status).toBe(410);

    const late = uniqueEmail();
    const reg = await call(server.api, 'POST', '/identities', { body: { name: 'Late', email: late } });
    const lateLink = (await server.nextMail(late)).link ?? '';
    server.clock.advance(48 * HOUR + 1000);
    try {
      expect((await fetch(lateLink)).status).toBe(410);
      expect((await call(server.api, 'GET', '/identities/me', { secret: reg.body.secret })).body.confirmed).toBe(false);
    } finally {
      server.clock.advance(-(48 * HOUR + 1000));
    }
    expect((await fetch(`${server.url}/confirm/${'A'.repeat(43)}`)).status).toBe(410);
  });

  it('answers a known and an unknown address identically', async () => {
    const known = uniqueEmail();
    await newIdentity(server, { confirm: false }).then(() =>
      call(server.api, 'POST', '/identities', { body: { name: 'First', email: known } }),
    );
    const again = await call(server.api, 'POST', '/identities', { body: { name: 'Second', email: known } });
    const fresh = await call(server.api, 'POST', '/identities', { body: { name: 'Second', email: uniqueEmail() } });
    expect(again.status).toBe(fresh.status);
    expect(Object.keys(again.body).sort()).toEqual(Object.keys(fresh.body).sort());
    expect([...again.headers.keys()].sort()).toEqual([...fresh.headers.keys()].sort());
    expect(again.body.confirmed).toBe(fresh.body.confirmed);
    expect(again.body.message).toBe(fresh.body.message);
  });

  it('needs the secret to read its state, and never returns the address', async () => {
    expect((await call(server.api, 'GET', '/identities/me')).status).toBe(401);
    expect((await call(server.api, 'GET', '/identities/me', { secret: 'x'.repeat(43) })).status).toBe(401);
    const identity = await newIdentity(server);
    const me = await call(server.api, 'GET', '/identities/me', { secret: identity.secret });
    expect(JSON.stringify(me.body)).not.toContain(identity.email);
    expect(JSON.stringify(me.body)).not.toContain(identity.secret);
  });

  it('refuses malformed registrations with 400', async () => {
    for (const body of [
      { name: 'A', email: 'not-an-address' },
      { name: '', email: uniqueEmail() },
      { name: 'x'.repeat(81), email: uniqueEmail() },
      { name: 'A', email: `${'a'.repeat(250)}@example.org` },
      { name: 'A' },
      { name: 'A', email: uniqueEmail(), language: 'pt' },
      { name: 'A', email: uniqueEmail(), language: 'ja-JP' },
      { name: 'A', email: uniqueEmail(), language: 7 },
    ]) {
      const reply = await call(server.api, 'POST', '/identities', { body });
      expect(reply.status, JSON.stringify(body).slice(0, 60)).toBe(400);
    }
  });

  it('names the languages it accepts when a registration asks for another, and sends no mail', async () => {
    const email = uniqueEmail();
    const reply = await call(server.api, 'POST', '/identities', { body: { name: 'A', email, language: 'pt' } });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body)).toContain('en, de, fr, es, it, nl, ja');
    await call(server.api, 'POST', '/identities', { body: { name: 'A', email } });
    // The first mail to this address is the valid registration's, in English.
    expect((await server.nextMail(email)).text).toContain('Hello A,');
  });

  it('writes the mail and the confirmation page in the language the browser registered with', async () => {
    const email = uniqueEmail();
    const reg = await call(server.api, 'POST', '/identities', {
      body: { name: '山田 花子', email, language: 'ja' },
    });
    expect(reg.status).toBe(202);
    const mail = await server.nextMail(email);
    expect(mail.text).toContain('山田 花子 様');
    expect(mail.text).toContain('次のリンクを一度開くと、コメントが公開され');
    expect(mail.text).not.toContain('Hello');
    expect(mail.subject).toBe('本のカノンで使うお名前の確認');
    // The reader's browser may send any Accept-Language; the page follows the registration.
    const page = await fetch(mail.link ?? '', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('確認が完了しました');
    expect((await call(server.api, 'GET', '/identities/me', { secret: reg.body.secret })).body.confirmed).toBe(true);
    // Used once: the refusal is Japanese too.
    const again = await fetch(mail.link ?? '', { headers: { 'accept-language': 'en' } });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('リンクが無効です');

    // A resent mail keeps the language.
    const other = uniqueEmail();
    const second = await call(server.api, 'POST', '/identities', {
      body: { name: 'Jan', email: other, language: 'nl' },
    });
    expect((await server.nextMail(other)).text).toContain('Hallo Jan,');
    expect((await call(server.api, 'POST', '/identities/me/resend', { secret: second.body.secret })).status).toBe(202);
    expect((await server.nextMail(other)).text).toContain('Volg deze link één keer');
  });

  it('answers a link it never issued in the language the reader reads', async () => {
    const page = await fetch(`${server.url}/confirm/${'x'.repeat(43)}`, {
      headers: { 'accept-language': 'fr-CH, fr;q=0.9' },
    });
    expect(page.status).toBe(410);
    const html = await page.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Lien non valide');
  });
});
