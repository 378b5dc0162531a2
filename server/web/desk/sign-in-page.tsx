/** @jsxImportSource hono/jsx */
/** Signing in: the address form, the page a mailed link opens, and what an unusable link says. */
import { MODERATOR_LINK_TTL_MS } from '../../limits';

export type SignInState = 'form' | 'sent' | 'limited' | 'expired-form';

const MINUTES = Math.round(MODERATOR_LINK_TTL_MS / 60_000);

export function SignInForm(props: { csrf: string; state: SignInState }) {
  return (
    <>
      {props.state === 'sent' ? (
        <p class="notice" role="status">
          If this address belongs to a moderator, a sign-in link is on its way. It works once, within {MINUTES} minutes.
        </p>
      ) : null}
      {props.state === 'limited' ? (
        <p class="problem" role="alert">
          Too many sign-in mails were asked for. Please try again later.
        </p>
      ) : null}
      {props.state === 'expired-form' ? (
        <p class="problem" role="alert">
          This form had expired. Please send it again.
        </p>
      ) : null}
      <p>Moderators sign in with a link sent to their e-mail address.</p>
      <form method="post" action="/admin/sign-in">
        <input type="hidden" name="csrf" value={props.csrf} />
        <p>
          <label for="d-email">E-mail address</label>
          <input id="d-email" name="email" type="email" required maxlength={254} autocomplete="email" />
        </p>
        <p>
          <button type="submit">Send me a sign-in link</button>
        </p>
      </form>
    </>
  );
}

/**
 * The link opens this page and a button uses it: mail scanners that open
 * every link would otherwise spend it before the moderator does.
 */
export function LinkConfirmForm(props: { csrf: string; token: string }) {
  return (
    <form method="post" action="/admin/login">
      <input type="hidden" name="csrf" value={props.csrf} />
      <input type="hidden" name="token" value={props.token} />
      <p>
        <button type="submit">Sign in to the desk</button>
      </p>
    </form>
  );
}

export function LinkUnusable() {
  return (
    <>
      <p class="problem" role="alert">
        This sign-in link has expired or was already used.
      </p>
      <p>
        <a href="/admin">Ask for a new link</a>
      </p>
    </>
  );
}
