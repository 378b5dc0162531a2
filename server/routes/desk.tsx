/** @jsxImportSource hono/jsx */
/**
 * The moderator's desk at /admin: server-rendered forms that need no script,
 * under the public pages' strict CSP. Signing in is by a mailed one-time link
 * (moderation/desk-session.ts); every decision goes through
 * moderation/actions.ts, the same code as the ADMIN_TOKEN API and the CLI,
 * and is logged with the moderator's address.
 *
 * Every form carries a token derived from the session's secret; a form
 * without it, with another session's, or sent from another site changes
 * nothing (403). The session cookie is HttpOnly, SameSite=Lax, limited to
 * /admin, and Secure when the public address is HTTPS.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { loadCanonEntry } from '../books/entry';
import type { AppEnv, Deps } from '../deps';
import { DESK_SESSION_MAX_MS } from '../limits';
import {
  acceptNomination,
  declineNomination,
  decideComment,
  hideReviewLink,
  hideTag,
  loadEntryFields,
  moderationQueue,
  updateEntry,
  type CommentDecision,
  type EntryRefusal,
} from '../moderation/actions';
import {
  deskSession,
  requestSignInLink,
  sameToken,
  signInWithLink,
  signOut,
  type DeskSession,
} from '../moderation/desk-session';
import {
  entryFormOf,
  formFromEntry,
  formFromNomination,
  parseEntryForm,
  type EntryForm,
  type EntryProblems,
} from '../moderation/entry-form';
import { recentDecisions } from '../moderation/log';
import { MODERATION_LOG_PAGE } from '../limits';
import { entryList, openNomination, openNominations } from '../web/desk/data';
import { DeskLayout, type DeskSection } from '../web/desk/desk-layout';
import { EntriesPage } from '../web/desk/entries-page';
import { EntryFormPage, ReaderAdditions } from '../web/desk/entry-form-page';
import { LogPage } from '../web/desk/log-page';
import { NominationsPage } from '../web/desk/nominations-page';
import { QueuePage } from '../web/desk/queue-page';
import { LinkConfirmForm, LinkUnusable, SignInForm, type SignInState } from '../web/desk/sign-in-page';
import { CSRF_COOKIE, csrfToken } from '../web/participate';
import { PAGE_CSP } from './pages';

export const DESK_COOKIE = 'bookside_desk';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BOOK_ID = /^[a-z0-9-]{1,80}$/;
const DECISIONS = new Set<string>(['approve', 'deny', 'spam']);

type Status = 200 | 400 | 403 | 404 | 409 | 429;

const field = (form: Record<string, unknown>, name: string) => {
  const value = form[name];
  return typeof value === 'string' ? value : '';
};

export function deskRoutes(deps: Deps) {
  const { db, write, config, clock } = deps;

  async function render(
    c: Context<AppEnv>,
    props: { title: string; session: DeskSession | null; section?: DeskSection },
    body: JSX.Element,
    status: Status = 200,
  ) {
    c.header('Content-Security-Policy', PAGE_CSP);
    c.header('Content-Language', 'en');
    c.header('X-Robots-Tag', 'noindex');
    const page = (
      <DeskLayout
        title={props.title}
        canonName={config.canonName}
        session={props.session}
        section={props.section}
        done={c.req.query('done') ?? null}
      >
        {body}
      </DeskLayout>
    );
    return c.html(`<!doctype html>${(await page).toString()}`, status);
  }

  const session = (c: Context<AppEnv>) => deskSession(deps, getCookie(c, DESK_COOKIE));

  /** A form from another site is refused whatever its token: by Origin when sent, else by Sec-Fetch-Site. */
  function fromThisSite(c: Context<AppEnv>): boolean {
    const origin = c.req.header('origin');
    // Under `Referrer-Policy: no-referrer` Chromium sends `Origin: null` even from the same origin.
    if (origin !== undefined && origin !== 'null') {
      return origin === new URL(c.req.url).origin || origin === new URL(config.publicUrl).origin;
    }
    const site = c.req.header('sec-fetch-site');
    return site === undefined || site === 'same-origin' || site === 'none';
  }

  const refused = (c: Context<AppEnv>, s: DeskSession | null) =>
    render(
      c,
      { title: 'Not accepted', session: s },
      <>
        <p class="problem" role="alert">
          This form was not accepted: it had expired, belonged to another session, or came from another site. Nothing
          was changed.
        </p>
        <p>
          <a href="/admin">Back to the desk</a>
        </p>
      </>,
      403,
    );

  /** The signed-in session and the form, when the form carries this session's token and came from here. */
  async function decisionForm(
    c: Context<AppEnv>,
  ): Promise<{ ok: true; session: DeskSession; form: Record<string, unknown> } | { ok: false; response: Response }> {
    const s = await session(c);
    const form = await c.req.parseBody();
    if (s === null || !fromThisSite(c) || !sameToken(field(form, 'csrf'), s.csrf)) {
      return { ok: false, response: await refused(c, s) };
    }
    return { ok: true, session: s, form };
  }

  /** Before sign-in the browser's own double-submit token (web/participate.ts) guards the forms. */
  async function signInForm(c: Context<AppEnv>) {
    const form = await c.req.parseBody();
    const cookie = getCookie(c, CSRF_COOKIE);
    const ok = fromThisSite(c) && cookie !== undefined && sameToken(field(form, 'csrf'), cookie);
    return { ok, form };
  }

  const signInPage = (c: Context<AppEnv>, state: SignInState, status: Status = 200) =>
    render(c, { title: 'Sign in', session: null }, <SignInForm csrf={csrfToken(deps, c)} state={state} />, status);

  const goTo = (c: Context<AppEnv>, path: string, done: string) => c.redirect(`${path}?done=${done}`, 303);

  function refusalProblems(refusal: EntryRefusal): { problems: EntryProblems; message: string | null } {
    if (refusal.reason === 'id_taken') {
      return { problems: { slug: `The entry /books/${refusal.bookId} has this address already.` }, message: null };
    }
    if (refusal.reason === 'isbn_taken') {
      return {
        problems: { isbns: `ISBN ${refusal.isbn13} belongs to the entry /books/${refusal.bookId}.` },
        message: null,
      };
    }
    return { problems: {}, message: 'It was decided meanwhile or no longer exists; nothing was saved.' };
  }

  const entryPage = async (
    c: Context<AppEnv>,
    s: DeskSession,
    bookId: string,
    form: EntryForm,
    problems: EntryProblems,
    status: Status = 200,
  ) => {
    const entry = await loadCanonEntry(db, bookId);
    if (entry === null) return notFound(c, s);
    return render(
      c,
      { title: `Edit “${entry.title}”`, session: s, section: 'entries' },
      <>
        <p>
          <a href={`/books/${encodeURIComponent(entry.id)}`}>The public page</a>
        </p>
        <EntryFormPage
          action={`/admin/books/${encodeURIComponent(entry.id)}`}
          submitLabel="Save the entry"
          form={form}
          problems={problems}
          refusal={null}
          csrf={s.csrf}
          slugFixed
        />
        <ReaderAdditions entry={entry} csrf={s.csrf} />
      </>,
      status,
    );
  };

  const notFound = (c: Context<AppEnv>, s: DeskSession | null) =>
    render(
      c,
      { title: 'Not found', session: s },
      <p>
        There is nothing at this address. <a href="/admin">Back to the desk</a>
      </p>,
      404,
    );

  return new Hono<AppEnv>()
    .get('/admin', async (c) => {
      const s = await session(c);
      if (s === null) return signInPage(c, 'form');
      return render(
        c,
        { title: 'Queue', session: s, section: 'queue' },
        <QueuePage comments={await moderationQueue(db)} csrf={s.csrf} />,
      );
    })
    .post('/admin/sign-in', async (c) => {
      const { ok, form } = await signInForm(c);
      if (!ok) return signInPage(c, 'expired-form', 403);
      const outcome = await requestSignInLink(deps, field(form, 'email'), c.get('clientIp'));
      return signInPage(c, outcome, outcome === 'limited' ? 429 : 200);
    })
    .get('/admin/login/:token', (c) =>
      render(
        c,
        { title: 'Sign in', session: null },
        <LinkConfirmForm csrf={csrfToken(deps, c)} token={c.req.param('token').slice(0, 100)} />,
      ),
    )
    .post('/admin/login', async (c) => {
      const { ok, form } = await signInForm(c);
      if (!ok) return refused(c, null);
      const secret = await signInWithLink(deps, field(form, 'token'));
      if (secret === null) return render(c, { title: 'Sign in', session: null }, <LinkUnusable />, 400);
      setCookie(c, DESK_COOKIE, secret, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: config.publicUrl.startsWith('https:'),
        path: '/admin',
        maxAge: Math.floor(DESK_SESSION_MAX_MS / 1000),
      });
      return c.redirect('/admin', 303);
    })
    .post('/admin/sign-out', async (c) => {
      const checked = await decisionForm(c);
      if (!checked.ok) return checked.response;
      await signOut(deps, checked.session.secret);
      deleteCookie(c, DESK_COOKIE, { path: '/admin' });
      return c.redirect('/admin', 303);
    })
    .post('/admin/comments/:id', async (c) => {
      const checked = await decisionForm(c);
      if (!checked.ok) return checked.response;
      const id = c.req.param('id');
      const decision = field(checked.form, 'decision');
      if (!UUID.test(id) || !DECISIONS.has(decision)) return notFound(c, checked.session);
      const done = await decideComment(write, id, decision as CommentDecision, checked.session.moderator, clock.now());
      return goTo(c, '/admin', done ? decision : 'gone');
    })
    .get('/admin/nominations', async (c) => {
      const s = await session(c);
      if (s === null) return c.redirect('/admin', 303);
      return render(
        c,
        { title: 'Nominations', session: s, section: 'nominations' },
        <NominationsPage nominations={await openNominations(db)} csrf={s.csrf} />,
      );
    })
    .get('/admin/nominations/:id/accept', async (c) => {
      const s = await session(c);
      if (s === null) return c.redirect('/admin', 303);
      const id = c.req.param('id');
      const nomination = UUID.test(id) ? await openNomination(db, id) : undefined;
      if (nomination === undefined) return notFound(c, s);
      const form = formFromNomination({
        title: nomination.title,
        authors: JSON.parse(nomination.authors) as string[],
        isbn13: nomination.isbn13,
      });
      return render(
        c,
        { title: `Accept “${nomination.title}”`, session: s, section: 'nominations' },
        <>
          <p class="muted">Check and complete the entry; it joins the canon when you add it.</p>
          <EntryFormPage
            action={`/admin/nominations/${id}/accept`}
            submitLabel="Add to the canon"
            form={form}
            problems={{}}
            refusal={null}
            csrf={s.csrf}
            slugFixed={false}
          />
        </>,
      );
    })
    .post('/admin/nominations/:id/accept', async (c) => {
      const checked = await decisionForm(c);
      if (!checked.ok) return checked.response;
      const s = checked.session;
      const id = c.req.param('id');
      if (!UUID.test(id)) return notFound(c, s);
      const form = entryFormOf(checked.form);
      const parsed = parseEntryForm(form);
      let problems: EntryProblems;
      let message: string | null = null;
      if (parsed.ok) {
        const outcome = await acceptNomination(write, id, undefined, clock.now(), s.moderator, parsed.value);
        if (outcome.ok) return goTo(c, '/admin/nominations', 'accepted');
        ({ problems, message } = refusalProblems(outcome));
      } else {
        problems = parsed.problems;
      }
      return render(
        c,
        { title: 'Accept a nomination', session: s, section: 'nominations' },
        <EntryFormPage
          action={`/admin/nominations/${id}/accept`}
          submitLabel="Add to the canon"
          form={form}
          problems={problems}
          refusal={message}
          csrf={s.csrf}
          slugFixed={false}
        />,
        parsed.ok ? 409 : 400,
      );
    })
    .post('/admin/nominations/:id/decline', async (c) => {
      const checked = await decisionForm(c);
      if (!checked.ok) return checked.response;
      const id = c.req.param('id');
      const done = UUID.test(id) && (await declineNomination(write, id, checked.session.moderator, clock.now()));
      return goTo(c, '/admin/nominations', done ? 'declined' : 'gone');
    })
    .get('/admin/books', async (c) => {
      const s = await session(c);
      if (s === null) return c.redirect('/admin', 303);
      return render(
        c,
        { title: 'Canon entries', session: s, section: 'entries' },
        <EntriesPage entries={await entryList(db)} />,
      );
    })
    .get('/admin/books/:id', async (c) => {
      const s = await session(c);
      if (s === null) return c.redirect('/admin', 303);
      const id = c.req.param('id');
      const fields = BOOK_ID.test(id) ? await loadEntryFields(db, id) : null;
      if (fields === null) return notFound(c, s);
      return entryPage(c, s, id, formFromEntry(fields), {});
    })
    .post('/admin/books/:id', async (c) => {
      const checked = await decisionForm(c);
      if (!checked.ok) return checked.response;
      const s = checked.session;
      const id = c.req.param('id');
      if (!BOOK_ID.test(id)) return notFound(c, s);
      // The address stays whatever the form says.
      const form = { ...entryFormOf(checked.form), slug: id };
      const parsed = parseEntryForm(form);
      if (!parsed.ok) return entryPage(c, s, id, form, parsed.problems, 400);
      const outcome = await updateEntry(write, id, parsed.value, s.moderator, clock.now());
      if (outcome.ok) return goTo(c, `/admin/books/${encodeURIComponent(id)}`, 'saved');
      if (outcome.reason === 'not_found') return notFound(c, s);
      return entryPage(c, s, id, form, refusalProblems(outcome).problems, 409);
    })
    .post('/admin/books/:id/tags/hide', async (c) => {
      const checked = await decisionForm(c);
      if (!checked.ok) return checked.response;
      const id = c.req.param('id');
      const tag = field(checked.form, 'tag');
      const done =
        BOOK_ID.test(id) &&
        tag !== '' &&
        tag.length <= 200 &&
        (await hideTag(write, id, tag, checked.session.moderator, clock.now()));
      return goTo(c, `/admin/books/${encodeURIComponent(id)}`, done ? 'tag-hidden' : 'gone');
    })
    .post('/admin/books/:id/links/:link/hide', async (c) => {
      const checked = await decisionForm(c);
      if (!checked.ok) return checked.response;
      const id = c.req.param('id');
      const link = c.req.param('link');
      const done =
        BOOK_ID.test(id) &&
        UUID.test(link) &&
        (await hideReviewLink(write, id, link, checked.session.moderator, clock.now()));
      return goTo(c, `/admin/books/${encodeURIComponent(id)}`, done ? 'link-hidden' : 'gone');
    })
    .get('/admin/log', async (c) => {
      const s = await session(c);
      if (s === null) return c.redirect('/admin', 303);
      return render(
        c,
        { title: 'Moderation log', session: s, section: 'log' },
        <LogPage entries={await recentDecisions(db, MODERATION_LOG_PAGE)} />,
      );
    });
}
