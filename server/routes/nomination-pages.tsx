/** @jsxImportSource hono/jsx */
/**
 * /nominations on the web: the open nominations with their reasons and
 * seconds; seconding one and nominating a book post back here and redirect
 * (303) to the outcome, so a reload never posts twice.
 */
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../deps';
import { openNominations } from '../web/data';
import { pickLocale, WORDS } from '../web/i18n';
import { Layout } from '../web/layout';
import { nominationAnchor, NominationsPage } from '../web/nominations-page';
import { submitNominateForm, submitSecondForm } from '../web/nomination-forms';
import { cookieVoice, csrfToken } from '../web/participate';
import { allFeed, noticeParam, render } from './pages';

export function nominationPageRoutes(deps: Deps) {
  const { db, config } = deps;
  return new Hono<AppEnv>()
    .get('/nominations', async (c) => {
      const locale = pickLocale(c.req.header('accept-language'));
      const viewer = await cookieVoice(deps, c);
      const view = {
        csrf: csrfToken(deps, c),
        canonName: config.canonName,
        viewer: viewer === null ? null : { name: viewer.name, confirmed: viewer.confirmed },
        notice: noticeParam(c.req.query('done') ?? c.req.query('problem')),
      };
      return render(
        c,
        <Layout
          locale={locale}
          title={`${WORDS[locale].nominations} · ${config.canonName}`}
          canonName={config.canonName}
          feeds={[allFeed(locale)]}
        >
          <NominationsPage nominations={await openNominations(db)} view={view} locale={locale} />
        </Layout>,
        locale,
      );
    })
    .post('/nominations', async (c) => {
      const outcome = await submitNominateForm(deps, c);
      return c.redirect(
        outcome.ok
          ? `/nominations?done=nominated#${nominationAnchor(outcome.nominationId)}`
          : `/nominations?problem=${outcome.problem}#nominate`,
        303,
      );
    })
    .post('/nominations/seconds', async (c) => {
      const outcome = await submitSecondForm(deps, c);
      return c.redirect(
        outcome.ok
          ? `/nominations?done=seconded#${nominationAnchor(outcome.nominationId)}`
          : `/nominations?problem=${outcome.problem}#open`,
        303,
      );
    });
}
