/**
 * The page a confirmation link opens. It is fixed HTML: no reader-supplied
 * text is ever put into it, and its CSP allows nothing to load or run.
 */
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../deps';
import { confirmToken } from '../identities/confirmation';

const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function page(heading: string, text: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${heading}</title>
<style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem}</style></head>
<body><h1>${heading}</h1><p>${text}</p></body></html>`;
}

export function confirmationPage(deps: Deps) {
  // Following the link confirms, as the e-mail promises. A mail scanner that
  // opens it confirms too; that only publishes what this browser's identity
  // wrote under the name it chose, and never shows the address to anyone.
  return new Hono<AppEnv>().get('/confirm/:token', async (c) => {
    c.header('Content-Security-Policy', PAGE_CSP);
    const token = c.req.param('token');
    const outcome = /^[A-Za-z0-9_-]{20,100}$/.test(token)
      ? await confirmToken(deps, token, deps.clock.now())
      : 'invalid';
    if (outcome === 'confirmed') {
      return c.html(
        page(
          'Confirmed',
          'Thank you. Your comments are published and your ratings and tags now count. You will not need to do this again in this browser.',
        ),
      );
    }
    return c.html(
      page(
        'Link not valid',
        'This confirmation link has expired or was already used. Ask for a new one from the Bookside options page.',
      ),
      410,
    );
  });
}
