/**
 * Taking part from the web beyond the book page's form, over real HTTP:
 * nominating a book and seconding a nomination on /nominations, and reporting
 * a comment from its book page. Each asks name and e-mail only the first
 * time, counts once per person, and waits for the mailed link like the
 * extension's writes do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, uniqueEmail } from './client';
import { backends, startCanonServer, type CanonServerHandle } from './harness';
import { browser } from './web-browser';

/** A valid ISBN-13 of a book not in the seed canon (Cooper, "The Inmates Are Running the Asylum"). */
const NEW_ISBN = '9780672326141';

describe.each(backends())('taking part on the web (%s)', (backend) => {
  let server: CanonServerHandle;
  beforeAll(async () => {
    server = await startCanonServer({ backend });
  });
  afterAll(() => server?.stop());

  const location = (response: Response) => response.headers.get('location') ?? '';

  it('nominates a book from /nominations: provisional until the mailed link, then listed with its reason', async () => {
    const nominator = browser(server.url);
    const email = uniqueEmail('nominator');
    const sent = await nominator.submit(
      '/nominations',
      {
        isbn: '978-0-672-32614-1',
        title: 'The Inmates Are Running the Asylum',
        author: 'Alan Cooper',
        reason: 'Where interaction design met the business.\n\nStill argued about.',
        name: 'Nina Nominator',
        email,
      },
      '/nominations',
    );
    expect(sent.status).toBe(303);
    expect(location(sent)).toMatch(/^\/nominations\?done=nominated#nomination-[0-9a-f-]{36}$/);
    const id = location(sent).split('#nomination-')[1] ?? '';
    const mine = await nominator.open(location(sent));
    expect(mine.doc.querySelector('[role="status"]')?.textContent).toContain('You should only need to do this once.');
    expect((await browser(server.url).open('/nominations')).doc.getElementById(`nomination-${id}`)).toBeNull();

    expect((await fetch((await server.nextMail(email)).link ?? '')).status).toBe(200);
    const listed = (await browser(server.url).open('/nominations')).doc.getElementById(`nomination-${id}`);
    expect(listed?.querySelector('h3')?.textContent).toBe('The Inmates Are Running the Asylum · By Alan Cooper');
    expect(listed?.textContent).toContain(`ISBN ${NEW_ISBN}`);
    expect(listed?.textContent).toContain('one reader supports it');
    expect([...(listed?.querySelectorAll(':scope > p') ?? [])].map((p) => p.textContent)).toEqual(
      expect.arrayContaining(['Where interaction design met the business.', 'Still argued about.']),
    );
    const api = await call(server.api, 'GET', '/nominations');
    expect((api.body.nominations as { id: string }[]).map((n) => n.id)).toContain(id);

    // A second reader seconds it with a reason; twice, and from a second browser, counts once.
    const seconder = browser(server.url);
    const secondEmail = uniqueEmail('seconder');
    const seconded = await seconder.submit(
      '/nominations',
      { nomination: id, reason: 'Every team I joined had read it.', name: 'Sam Second', email: secondEmail },
      '/nominations/seconds',
    );
    expect(location(seconded)).toBe(`/nominations?done=seconded#nomination-${id}`);
    const waiting = (await browser(server.url).open('/nominations')).doc.getElementById(`nomination-${id}`);
    expect(waiting?.textContent).toContain('one reader supports it');
    expect((await fetch((await server.nextMail(secondEmail)).link ?? '')).status).toBe(200);
    await seconder.submit('/nominations', { nomination: id }, '/nominations/seconds');
    const laptop = browser(server.url);
    await laptop.submit(
      '/nominations',
      { nomination: id, name: 'Sam Second', email: secondEmail },
      '/nominations/seconds',
    );
    expect((await fetch((await server.nextMail(secondEmail)).link ?? '')).status).toBe(200);
    const after = (await browser(server.url).open('/nominations')).doc.getElementById(`nomination-${id}`);
    expect(after?.textContent).toContain('2 readers support it');
    expect(after?.querySelector('ul.seconds')?.textContent).toBe('Sam Second: Every team I joined had read it.');

    // Nominating the same book again seconds it rather than listing it twice.
    const again = await seconder.submit(
      '/nominations',
      { isbn: NEW_ISBN, title: 'Inmates', author: 'Cooper', reason: 'Again.' },
      '/nominations',
    );
    expect(location(again)).toBe(`/nominations?done=nominated#nomination-${id}`);
  });

  it('answers a wrong nomination with a clear problem and stores nothing', async () => {
    const reader = browser(server.url);
    const fields = { title: 'A book', author: 'Someone', reason: 'Because.', name: 'Pat', email: uniqueEmail() };
    const cases: [Record<string, string>, string][] = [
      [{ ...fields, isbn: '9780672326142' }, 'isbn'],
      [{ ...fields, isbn: NEW_ISBN, title: '' }, 'book'],
      [{ ...fields, isbn: NEW_ISBN, reason: '' }, 'reason'],
      [{ ...fields, isbn: '1861978375' }, 'incanon'],
    ];
    for (const [form, problem] of cases) {
      const response = await reader.submit('/nominations', form, '/nominations');
      expect(location(response), problem).toBe(`/nominations?problem=${problem}#nominate`);
    }
    const { doc } = await reader.open('/nominations?problem=incanon');
    expect(doc.querySelector('[role="alert"]')?.textContent).toBe('This book is already in the canon.');
    const forged = await browser(server.url).post('/nominations', { ...fields, isbn: NEW_ISBN, csrf: 'x' });
    expect(location(forged)).toBe('/nominations?problem=csrf#nominate');
    const gone = await reader.submit(
      '/nominations',
      { nomination: '00000000-0000-4000-8000-000000000000' },
      '/nominations/seconds',
    );
    expect(location(gone)).toBe('/nominations?problem=gone#open');
  });

  it('reports a comment from its book page with a reason, counted once the reporter is confirmed', async () => {
    const page = await browser(server.url).open('/books/we-think');
    const first = page.doc.querySelector('ol.comments > li');
    const commentId = (first?.getAttribute('id') ?? '').replace('comment-', '');
    expect(first?.querySelector('a.permalink')?.getAttribute('href')).toBe(`#comment-${commentId}`);
    expect(first?.querySelector('details.flag form')?.getAttribute('action')).toBe('/books/we-think/flags');

    const reporter = browser(server.url);
    const email = uniqueEmail('reporter');
    const noReason = await reporter.submit('/books/we-think', { comment: commentId }, '/books/we-think/flags');
    expect(location(noReason)).toBe(`/books/we-think?flagproblem=reason#comment-${commentId}`);
    const wrongBook = await reporter.submit(
      '/books/good-services',
      { comment: commentId, reason: 'spam', name: 'Rae', email },
      '/books/good-services/flags',
    );
    expect(location(wrongBook)).toBe('/books/good-services?flagproblem=gone#comments');

    const sent = await reporter.submit(
      '/books/we-think',
      { comment: commentId, reason: 'spoiler', name: 'Rae Reporter', email },
      '/books/we-think/flags',
    );
    expect(location(sent)).toBe(`/books/we-think?flagged=1#comment-${commentId}`);
    const shown = await reporter.open(location(sent));
    expect(shown.doc.querySelector('[role="status"]')?.textContent).toContain('You should only need to do this once.');
    const db = server.server.deps.db;
    const flags = () => db.selectFrom('comment_flags').selectAll().where('comment_id', '=', commentId).execute();
    expect(await flags()).toHaveLength(1);
    // Unconfirmed, the report does not fold the comment yet.
    expect(
      (await browser(server.url).open('/books/we-think')).doc.querySelector(`#comment-${commentId} details.spoiler`),
    ).toBeNull();

    expect((await fetch((await server.nextMail(email)).link ?? '')).status).toBe(200);
    const folded = await browser(server.url).open('/books/we-think');
    expect(folded.doc.querySelector(`#comment-${commentId} details.spoiler`)).not.toBeNull();
    const again = await reporter.submit(
      '/books/we-think',
      { comment: commentId, reason: 'spam' },
      '/books/we-think/flags',
    );
    expect(location(again)).toBe(`/books/we-think?flagged=1#comment-${commentId}`);
    expect((await reporter.open(location(again))).doc.querySelector('[role="status"]')?.textContent).toBe(
      'Thank you. A moderator will look at the comment.',
    );
    const rows = await flags();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.reason).toBe('spam');
  });
});
