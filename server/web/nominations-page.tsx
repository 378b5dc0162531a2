/** @jsxImportSource hono/jsx */
/**
 * /nominations: the books readers propose for the canon, with their reasons
 * and seconds, a form to second each, and a form to nominate a new one. Each
 * form asks for name and e-mail only while the browser has no identity.
 */
import { formatCommentTime, paragraphs } from './format';
import { WORDS, type Locale } from './i18n';
import type { PageNomination } from './data';
import { FormNotice, InboxHint, WhoFields, type Viewer } from './who-fields';

export const nominationAnchor = (id: string) => `nomination-${id}`;

export type NominationsView = {
  csrf: string;
  canonName: string;
  viewer: Viewer;
  /** After a post: `nominated` or `seconded`, or the problem's key in WORDS.problems. */
  notice: string | null;
};

function Paragraphs(props: { text: string }) {
  return (
    <>
      {paragraphs(props.text).map((p) => (
        <p>{p}</p>
      ))}
    </>
  );
}

function SecondForm(props: { nomination: PageNomination; view: NominationsView; locale: Locale }) {
  const { nomination, view, locale } = props;
  const words = WORDS[locale];
  const prefix = `s-${nomination.id}`;
  return (
    <details class="second">
      <summary>{words.second}</summary>
      <form method="post" action="/nominations/seconds">
        <input type="hidden" name="csrf" value={view.csrf} />
        <input type="hidden" name="nomination" value={nomination.id} />
        <p>
          <label for={`${prefix}-reason`}>{words.secondReason}</label>
          <textarea id={`${prefix}-reason`} name="reason" rows={3} maxlength={2000} />
        </p>
        <WhoFields viewer={view.viewer} idPrefix={prefix} locale={locale} />
        <InboxHint viewer={view.viewer} locale={locale} />
        <p>
          <button type="submit">{words.secondSubmit}</button>
        </p>
      </form>
    </details>
  );
}

function NominationItem(props: { nomination: PageNomination; view: NominationsView; locale: Locale }) {
  const { nomination, locale } = props;
  const words = WORDS[locale];
  const created = Date.parse(nomination.createdAt);
  return (
    <li id={nominationAnchor(nomination.id)}>
      <h3>
        {nomination.title}
        {nomination.authors.length === 0 ? '' : ` · ${words.by} ${nomination.authors.join(', ')}`}
      </h3>
      <p class="muted">
        {nomination.isbn13 === null ? '' : `ISBN ${nomination.isbn13} · `}
        {words.nominatedBy} <time datetime={nomination.createdAt}>{formatCommentTime(created, locale)}</time> ·{' '}
        {words.seconds(nomination.supporters)}
      </p>
      <Paragraphs text={nomination.reason} />
      {nomination.seconds.length === 0 ? null : (
        <>
          <h4>{words.secondsHeading}</h4>
          <ul class="plain seconds">
            {nomination.seconds.map((s) => (
              <li>
                <span class="who">{s.name}</span>: {s.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <SecondForm {...props} />
    </li>
  );
}

function NominateForm(props: { view: NominationsView; locale: Locale }) {
  const { view, locale } = props;
  const words = WORDS[locale];
  return (
    <section aria-labelledby="nominate">
      <h2 id="nominate">{words.nominate}</h2>
      <p>{words.nominateIntro}</p>
      <form method="post" action="/nominations">
        <input type="hidden" name="csrf" value={view.csrf} />
        <p>
          <label for="n-isbn">{words.isbn} *</label>
          <input id="n-isbn" name="isbn" required maxlength={32} inputmode="numeric" autocomplete="off" />
        </p>
        <p>
          <label for="n-title">{words.bookTitle} *</label>
          <input id="n-title" name="title" required maxlength={300} />
        </p>
        <p>
          <label for="n-author">{words.bookAuthor} *</label>
          <input id="n-author" name="author" required maxlength={200} />
        </p>
        <p>
          <label for="n-reason">{words.nominateReason} *</label>
          <textarea id="n-reason" name="reason" rows={5} required maxlength={2000} />
        </p>
        <WhoFields viewer={view.viewer} idPrefix="n" locale={locale} />
        <InboxHint viewer={view.viewer} locale={locale} />
        <p>
          <button type="submit">{words.nominateSubmit}</button>
        </p>
      </form>
    </section>
  );
}

function noticeText(view: NominationsView, locale: Locale): { text: string | null; problem: string | null } {
  const words = WORDS[locale];
  const confirmed = view.viewer?.confirmed === true;
  if (view.notice === null) return { text: null, problem: null };
  if (view.notice === 'nominated') {
    return { text: confirmed ? words.nominated : words.nominatedProvisional, problem: null };
  }
  if (view.notice === 'seconded') {
    return { text: confirmed ? words.seconded : words.secondedProvisional, problem: null };
  }
  return { text: null, problem: words.problems[view.notice] ?? null };
}

export function NominationsPage(props: { nominations: PageNomination[]; view: NominationsView; locale: Locale }) {
  const { nominations, view, locale } = props;
  const words = WORDS[locale];
  return (
    <>
      <h1>{words.nominations}</h1>
      <p>{words.nominationsIntro(view.canonName)}</p>
      <FormNotice {...noticeText(view, locale)} />
      <section aria-labelledby="open">
        <h2 id="open">{words.nominations}</h2>
        {nominations.length === 0 ? (
          <p>{words.noNominations}</p>
        ) : (
          <ol class="nominations">
            {nominations.map((nomination) => (
              <NominationItem nomination={nomination} view={view} locale={locale} />
            ))}
          </ol>
        )}
      </section>
      <NominateForm view={view} locale={locale} />
    </>
  );
}
