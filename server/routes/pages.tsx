/** @jsxImportSource hono/jsx */
/**
 * The canon's public pages, server-rendered HTML that needs no script: `/`,
 * `/books/{id}` and the original canon site's `/isbn/{isbn}/{slug}`
 * addresses. The JSON API stays under /api/v1, untouched.
 */
import { Hono, type Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { API_PREFIX } from '../../lib/shared/api';
import { normalizeIsbn } from '../../lib/shared/isbn';
import { loadCanonEntry } from '../books/entry';
import type { AppEnv, Deps } from '../deps';
import { BookPage } from '../web/book-page';
import { CanonPage } from '../web/canon-page';
import { canonEntries, pageComments, recentComments } from '../web/data';
import { submitFlagForm } from '../web/flag-form';
import { cookieVoice, csrfToken, submitBookForm } from '../web/participate';
import { pickLocale, WORDS, type Locale } from '../web/i18n';
import { Layout, type Feed } from '../web/layout';
import { STYLESHEET, STYLESHEET_PATH } from '../web/stylesheet';

/** Nothing inline may run or style; only the server's own stylesheet loads. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const BOOK_ID = /^[a-z0-9-]{1,80}$/;

export const bookPagePath = (bookId: string) => `/books/${encodeURIComponent(bookId)}`;

/** How many of the newest comments the front page lists. */
const FRONT_PAGE_COMMENTS = 10;

/** A form's outcome as the redirect's query carries it: a short word, nothing else. */
export function noticeParam(value: string | undefined): string | null {
  return value !== undefined && /^[a-z]{1,20}$/.test(value) ? value : null;
}

/** The site-wide feed, which every page offers for discovery. */
export const allFeed = (locale: Locale): Feed => ({
  title: WORDS[locale].allFeed,
  href: `${API_PREFIX}/feeds/comments.atom`,
});

export async function render(c: Context<AppEnv>, page: JSX.Element, locale: Locale, status: 200 | 404 | 410 = 200) {
  c.header('Content-Security-Policy', PAGE_CSP);
  // Under no-referrer Chromium sends `Origin: null` with the page's own form posts, and the
  // origin check could not tell them from a forged one; same-origin still tells other sites nothing.
  c.header('Referrer-Policy', 'same-origin');
  c.header('Content-Language', locale);
  c.header('Vary', 'Accept-Language');
  return c.html(`<!doctype html>${(await page).toString()}`, status);
}

export function pageRoutes(deps: Deps) {
  const { db, config } = deps;

  const notFoundPage = (c: Context<AppEnv>, locale: Locale) => {
    const words = WORDS[locale];
    return render(
      c,
      <Layout locale={locale} title={words.notFound} canonName={config.canonName} feeds={[allFeed(locale)]}>
        <h1>{words.notFound}</h1>
        <p>{words.notFoundText}</p>
        <p>
          <a href="/">{words.backToCanon}</a>
        </p>
      </Layout>,
      locale,
      404,
    );
  };

  return (
    new Hono<AppEnv>()
      .get(STYLESHEET_PATH, (c) =>
        c.body(STYLESHEET, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
      )
      .get('/', async (c) => {
        const locale = pickLocale(c.req.header('accept-language'));
        const entries = await canonEntries(db);
        const recent = await recentComments(db, FRONT_PAGE_COMMENTS);
        return render(
          c,
          <Layout
            locale={locale}
            title={config.canonName}
            canonName={config.canonName}
            description={config.canonDescription}
            feeds={[allFeed(locale)]}
          >
            <CanonPage
              name={config.canonName}
              description={config.canonDescription}
              entries={entries}
              recent={recent}
              locale={locale}
            />
          </Layout>,
          locale,
        );
      })
      .get('/books/:id', async (c) => {
        const locale = pickLocale(c.req.header('accept-language'));
        const id = c.req.param('id');
        const entry = BOOK_ID.test(id) ? await loadCanonEntry(db, id) : null;
        if (entry === null) return notFoundPage(c, locale);
        const viewer = await cookieVoice(deps, c);
        const comments = await pageComments(db, entry.id, viewer);
        const notice = c.req.query('sent') === '1' ? 'sent' : noticeParam(c.req.query('problem'));
        const flagNotice = c.req.query('flagged') === '1' ? 'flagged' : noticeParam(c.req.query('flagproblem'));
        const participation = {
          csrf: csrfToken(deps, c),
          canonName: config.canonName,
          viewer: viewer === null ? null : { name: viewer.name, confirmed: viewer.confirmed },
          notice,
          flagNotice,
        };
        const words = WORDS[locale];
        const feeds = [
          { title: words.feed, href: `${API_PREFIX}/books/${encodeURIComponent(entry.id)}/comments.atom` },
          allFeed(locale),
        ];
        const title = entry.subtitle === null ? entry.title : `${entry.title}: ${entry.subtitle}`;
        return render(
          c,
          <Layout locale={locale} title={`${title} · ${config.canonName}`} canonName={config.canonName} feeds={feeds}>
            <BookPage entry={entry} comments={comments} locale={locale} participation={participation} />
          </Layout>,
          locale,
        );
      })
      .post('/books/:id', async (c) => {
        const id = c.req.param('id');
        const exists = BOOK_ID.test(id)
          ? await db.selectFrom('books').select('id').where('id', '=', id).executeTakeFirst()
          : undefined;
        if (exists === undefined) return notFoundPage(c, pickLocale(c.req.header('accept-language')));
        const outcome = await submitBookForm(deps, c, id);
        // 303: the reader's reload shows the page, it does not post again.
        return c.redirect(
          outcome.ok
            ? `${bookPagePath(id)}?sent=1#${outcome.anchor}`
            : `${bookPagePath(id)}?problem=${outcome.problem}#participate`,
          303,
        );
      })
      .post('/books/:id/flags', async (c) => {
        const id = c.req.param('id');
        if (!BOOK_ID.test(id)) return notFoundPage(c, pickLocale(c.req.header('accept-language')));
        const outcome = await submitFlagForm(deps, c, id);
        const anchor = outcome.commentId === null ? 'comments' : `comment-${outcome.commentId}`;
        return c.redirect(
          outcome.ok
            ? `${bookPagePath(id)}?flagged=1#${anchor}`
            : `${bookPagePath(id)}?flagproblem=${outcome.problem}#${anchor}`,
          303,
        );
      })
      // The original site's book addresses (servicedesignbooks.org/isbn/1861978375/we-think):
      // the ISBN decides, the slug is decoration.
      .get('/isbn/:isbn/:slug?', async (c) => {
        const isbn13 = normalizeIsbn(c.req.param('isbn').slice(0, 20));
        const edition =
          isbn13 === null
            ? undefined
            : await db.selectFrom('book_isbns').select('book_id').where('isbn13', '=', isbn13).executeTakeFirst();
        if (edition === undefined) return notFoundPage(c, pickLocale(c.req.header('accept-language')));
        c.header('Cache-Control', 'public, max-age=3600');
        return c.redirect(bookPagePath(edition.book_id), 301);
      })
  );
}
