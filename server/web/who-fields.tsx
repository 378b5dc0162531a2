/** @jsxImportSource hono/jsx */
/**
 * Name and e-mail, asked only while the browser has no identity cookie; once
 * it has one the form says who is taking part instead. Every form on the
 * public pages (comment, report, second, nominate) asks the same way, so a
 * first post from any of them confirms the reader for all of them.
 */
import { WORDS, type Locale } from './i18n';

export type Viewer = { name: string; confirmed: boolean } | null;

export function WhoFields(props: { viewer: Viewer; idPrefix: string; locale: Locale }) {
  const words = WORDS[props.locale];
  const { viewer, idPrefix } = props;
  if (viewer !== null) return <p>{words.commentingAs(viewer.name)}</p>;
  return (
    <>
      <p>
        <label for={`${idPrefix}-name`}>{words.yourName} *</label>
        <input id={`${idPrefix}-name`} name="name" required maxlength={80} autocomplete="name" />
      </p>
      <p>
        <label for={`${idPrefix}-email`}>{words.yourEmail} *</label>
        <input id={`${idPrefix}-email`} name="email" type="email" required maxlength={254} autocomplete="email" />
      </p>
    </>
  );
}

/** The "check your inbox" line under a form, for a reader not yet confirmed. */
export function InboxHint(props: { viewer: Viewer; locale: Locale }) {
  return props.viewer?.confirmed === true ? null : <p class="muted">{WORDS[props.locale].checkInbox}</p>;
}

/** A form's outcome after its redirect: a status line, or the problem as an alert. */
export function FormNotice(props: { text: string | null; problem: string | null }) {
  return (
    <>
      {props.text === null ? null : (
        <p class="notice" role="status">
          {props.text}
        </p>
      )}
      {props.problem === null ? null : (
        <p class="problem" role="alert">
          {props.problem}
        </p>
      )}
    </>
  );
}
