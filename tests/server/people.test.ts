/**
 * One reader, one voice: identities (one per browser) confirmed with the same
 * address, whatever its case or surrounding spaces, are one person whose
 * rating, tags, flags and seconds count once; and a stranger asking for mails
 * to someone else's address cannot spend the owner's mail budget.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, followNextLink, newIdentity, postComment, register, uniqueEmail } from './client';
import { backends, NO_RATE_LIMITS, startCanonServer, type CanonServerHandle } from './harness';

const HOUR = 3_600_000;

/** The same address three ways: as registered in three browsers. */
function variants(email: string): [string, string, string] {
  const [local = '', domain = ''] = email.split('@');
  return [email, `${local[0]?.toUpperCase()}${local.slice(1)}@${domain.toUpperCase()}`, `  ${email.toUpperCase()} `];
}

describe.each(backends())('people (%s)', (backend) => {
  let server: CanonServerHandle;
  beforeAll(async () => {
    server = await startCanonServer({
      backend,
      config: {
        trustProxyHops: 1,
        rateLimits: {
          ...NO_RATE_LIMITS,
          mailsPerAddressPerClient: { limit: 3, windowMs: HOUR },
          mailsPerAddress: { limit: 20, windowMs: HOUR },
          mailsPerClient: { limit: 10, windowMs: HOUR },
        },
      },
    });
  });
  afterAll(() => server?.stop());

  const entry = async (id: string) => (await call(server.api, 'GET', `/books/${id}`)).body;

  it('joins three browsers registered with case variants of one address into one person', async () => {
    const book = 'design-for-services';
    const addresses = variants(uniqueEmail('ada'));
    const names = ['Ada', 'Ada L.', 'Ada Lovelace'];
    const browsers = [];
    for (const [i, address] of addresses.entries()) {
      const browser = await register(server, names[i] ?? '', address, `198.51.100.${i + 1}`);
      // Each browser waits for its own link, and rates half a star before following it.
      const rated = await call(server.api, 'PUT', `/books/${book}/rating`, {
        secret: browser.secret,
        body: { value: 0.5 },
      });
      expect(rated.body).toMatchObject({ rating: 0.5, provisional: true });
      expect(await followNextLink(server, address.trim())).toBe(200);
      browsers.push(browser);
    }
    const [first, second, third] = browsers as [(typeof browsers)[0], (typeof browsers)[0], (typeof browsers)[0]];

    // Rated three times, confirmed three times: one rating.
    expect((await entry(book)).rating).toMatchObject({ count: 1, average: 0.5, provisional: 0 });
    // The latest rating of the person wins, from whichever browser.
    await call(server.api, 'PUT', `/books/${book}/rating`, { secret: second.secret, body: { value: 4.5 } });
    expect((await entry(book)).rating).toMatchObject({ count: 1, average: 4.5 });
    expect((await call(server.api, 'GET', `/books/${book}/mine`, { secret: third.secret })).body).toMatchObject({
      rating: 4.5,
      provisional: false,
    });

    // Tags: one set per person; the latest set replaces it in every browser.
    await call(server.api, 'PUT', `/books/${book}/tags`, { secret: first.secret, body: { tags: ['methods', 'ux'] } });
    await call(server.api, 'PUT', `/books/${book}/tags`, { secret: third.secret, body: { tags: ['ux'] } });
    expect((await entry(book)).tags).toEqual([{ tag: 'ux', count: 1, provisionalCount: 0, provisional: false }]);

    // Flags: three browsers of one person are one flag, which does not hide a comment.
    const author = await newIdentity(server, { confirm: true });
    const target = await postComment(server, book, author.secret, { body: 'A comment one person dislikes' });
    for (const b of browsers) {
      const flagged = await call(server.api, 'POST', `/comments/${target.body.id}/flags`, {
        secret: b.secret,
        body: { reason: 'spam' },
      });
      expect(flagged.status).toBe(202);
    }
    const listed = await call(server.api, 'GET', `/books/${book}/comments`);
    expect(listed.body.comments.map((c: { id: string }) => c.id)).toContain(target.body.id);
    const flags = await server.server.deps.db
      .selectFrom('comment_flags')
      .select('owner_id')
      .where('comment_id', '=', target.body.id)
      .execute();
    expect(flags).toHaveLength(1);

    // One name on every comment of the person: the one chosen at the latest confirmation.
    for (const b of browsers) await postComment(server, 'we-think', b.secret, { body: `From browser ${b.id}` });
    const mine = (await call(server.api, 'GET', '/books/we-think/comments?limit=50')).body.comments.filter(
      (c: { body: string }) => c.body.startsWith('From browser'),
    );
    expect(new Set(mine.map((c: { authorName: string }) => c.authorName))).toEqual(new Set(['Ada Lovelace']));
    // And every browser of the person sees them all as its own.
    const seenByFirst = await call(server.api, 'GET', '/books/we-think/comments?limit=50', { secret: first.secret });
    expect(
      seenByFirst.body.comments
        .filter((c: { body: string }) => c.body.startsWith('From browser'))
        .every((c: { mine: boolean }) => c.mine),
    ).toBe(true);
  });

  it('counts seconds of a nomination once per person', async () => {
    const addresses = variants(uniqueEmail('bea'));
    const browsers = [];
    for (const [i, address] of addresses.entries()) {
      const b = await register(server, 'Bea', address, `198.51.100.${20 + i}`);
      expect(await followNextLink(server, address.trim())).toBe(200);
      browsers.push(b);
    }
    const nominated = await call(server.api, 'POST', '/nominations', {
      secret: browsers[0]?.secret,
      body: { title: `A book nobody has ${randomUUID()}`, authors: ['Someone New'], reason: 'Why not.' },
    });
    expect(nominated.body.supporters).toBe(1);
    for (const b of browsers.slice(1)) {
      const seconded = await call(server.api, 'POST', `/nominations/${nominated.body.id}/seconds`, {
        secret: b.secret,
        body: {},
      });
      expect(seconded.body.supporters).toBe(1);
    }
  });

  it('lets one browser forget its identity and leaves the person and the other browsers alone', async () => {
    const book = 'good-services';
    const email = uniqueEmail('cy');
    const laptop = await register(server, 'Cy', email, '198.51.100.30');
    expect(await followNextLink(server, email)).toBe(200);
    const phone = await register(server, 'Cy', email, '198.51.100.31');
    expect(await followNextLink(server, email)).toBe(200);
    await call(server.api, 'PUT', `/books/${book}/rating`, { secret: laptop.secret, body: { value: 3 } });
    const before = (await entry(book)).rating.count;

    expect((await call(server.api, 'DELETE', '/identities/me', { secret: laptop.secret })).status).toBe(204);
    expect((await call(server.api, 'GET', '/identities/me', { secret: laptop.secret })).status).toBe(401);
    expect(
      (await call(server.api, 'PUT', `/books/${book}/rating`, { secret: laptop.secret, body: { value: 1 } })).status,
    ).toBe(401);
    const phoneMe = await call(server.api, 'GET', '/identities/me', { secret: phone.secret });
    expect(phoneMe.body).toMatchObject({ confirmed: true, name: 'Cy' });
    expect((await call(server.api, 'GET', `/books/${book}/mine`, { secret: phone.secret })).body.rating).toBe(3);
    expect((await entry(book)).rating.count).toBe(before);

    // Saving the address again in the forgetting browser makes a new identity that joins the same person.
    const again = await register(server, 'Cy', email, '198.51.100.30');
    expect(await followNextLink(server, email)).toBe(200);
    await call(server.api, 'PUT', `/books/${book}/rating`, { secret: again.secret, body: { value: 5 } });
    expect((await entry(book)).rating.count).toBe(before);
    expect((await call(server.api, 'GET', `/books/${book}/mine`, { secret: phone.secret })).body.rating).toBe(5);

    // An identity that never confirmed takes back its provisional rating when forgotten; its link dies.
    const guestEmail = uniqueEmail('guest');
    const guest = await register(server, 'Guest', guestEmail, '198.51.100.32');
    await call(server.api, 'PUT', `/books/${book}/rating`, { secret: guest.secret, body: { value: 2 } });
    const provisional = (await entry(book)).rating.provisional;
    expect((await call(server.api, 'DELETE', '/identities/me', { secret: guest.secret })).status).toBe(204);
    expect((await entry(book)).rating.provisional).toBe(provisional - 1);
    expect(await followNextLink(server, guestEmail)).toBe(410);
  });

  it('keeps the mail budget of an address apart for every requesting client', async () => {
    const victim = uniqueEmail('victim');
    const forms = [...variants(victim), victim, victim.toUpperCase()];
    const tokensFor = () =>
      server.server.deps.db
        .selectFrom('confirmation_tokens')
        .select(['token_hash', 'identity_id'])
        .where('email_canonical', '=', victim.toLowerCase())
        .execute();
    // A stranger registers the victim's address five times, in case variants, from one client.
    const answers = [];
    for (const form of forms) answers.push((await register(server, 'Stranger', form, '203.0.113.66')).reply);
    for (const a of answers) {
      expect(a.status).toBe(202);
      expect(a.body.message).toBe('If this address can receive mail, a link is on its way.');
      expect(Object.keys(a.body).sort()).toEqual(Object.keys(answers[0]?.body ?? {}).sort());
    }
    // The mail decision is made before the answer: three links were issued, then none.
    expect(await tokensFor()).toHaveLength(3);

    // The owner, from their own client, still gets a link of their own, and it confirms them.
    const owner = await register(server, 'Owner', victim, '192.0.2.10');
    const tokens = await tokensFor();
    expect(tokens).toHaveLength(4);
    expect(tokens.filter((t) => t.identity_id === owner.id)).toHaveLength(1);
    let confirmed = false;
    for (let i = 0; i < 4 && !confirmed; i++) {
      const mail = await server.nextMail(victim);
      const token = /\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.link ?? '')?.[1] ?? '';
      const hash = createHash('sha256').update(token).digest('hex');
      if (tokens.find((t) => t.token_hash === hash)?.identity_id !== owner.id) continue;
      expect((await fetch(mail.link ?? '')).status).toBe(200);
      confirmed = true;
    }
    expect(confirmed).toBe(true);
    expect((await call(server.api, 'GET', '/identities/me', { secret: owner.secret })).body.confirmed).toBe(true);
  });

  it('refuses more resends than the budget and says when to retry', async () => {
    const email = uniqueEmail('resender');
    const me = await register(server, 'Resender', email, '192.0.2.20');
    await server.nextMail(email);
    for (let i = 0; i < 2; i++) {
      const resent = await call(server.api, 'POST', '/identities/me/resend', {
        secret: me.secret,
        headers: { 'x-forwarded-for': '192.0.2.20' },
      });
      expect(resent.status).toBe(202);
      await server.nextMail(email);
    }
    const refused = await call(server.api, 'POST', '/identities/me/resend', {
      secret: me.secret,
      headers: { 'x-forwarded-for': '192.0.2.20' },
    });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(3600);
  });
});
