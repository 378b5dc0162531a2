/** @jsxImportSource hono/jsx */
/**
 * The page a confirmation link opens, in the canon's own frame and
 * stylesheet under the public pages' strict CSP. No reader-supplied text is
 * ever put into it: it says only whether the link worked, in the reader's
 * language, and leads back to the canon.
 */
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../deps';
import { confirmToken } from '../identities/confirmation';
import { confirmationWords } from '../identities/confirmation-words';
import { supportedLanguage } from '../../lib/shared/api';
import { pickLocale, WORDS } from '../web/i18n';
import { Layout } from '../web/layout';
import { allFeed, render } from './pages';

export function confirmationPage(deps: Deps) {
  // Following the link confirms, as the e-mail promises. A mail scanner that
  // opens it confirms too; that only publishes what this browser's identity
  // wrote under the name it chose, and never shows the address to anyone.
  return new Hono<AppEnv>().get('/confirm/:token', async (c) => {
    const token = c.req.param('token');
    // The language the link's browser registered with; a link never issued answers in the reader's browser's.
    const answer = /^[A-Za-z0-9_-]{20,100}$/.test(token)
      ? await confirmToken(deps, token, deps.clock.now())
      : { outcome: 'invalid' as const, language: null };
    const stored = answer.language === null ? null : supportedLanguage(answer.language);
    const locale = stored ?? pickLocale(c.req.header('accept-language'));
    const words = WORDS[locale];
    const said = confirmationWords(locale);
    const confirmed = answer.outcome === 'confirmed';
    const heading = confirmed ? said.confirmedHeading : said.invalidHeading;
    return render(
      c,
      <Layout
        locale={locale}
        title={`${heading} · ${deps.config.canonName}`}
        canonName={deps.config.canonName}
        feeds={[allFeed(locale)]}
      >
        <h1>{heading}</h1>
        <p>{confirmed ? said.confirmedText : said.invalidText}</p>
        <p>
          <a href="/">{words.backToCanon}</a>
        </p>
      </Layout>,
      locale,
      confirmed ? 200 : 410,
    );
  });
}
