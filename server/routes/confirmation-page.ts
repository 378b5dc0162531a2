/**
 * The page a confirmation link opens. It is fixed HTML: no reader-supplied
 * text is ever put into it, and its CSP allows nothing to load or run.
 */
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../deps';
import { confirmToken } from '../identities/confirmation';
import { confirmationWords } from '../identities/confirmation-words';
import { supportedLanguage } from '../../lib/shared/api';
import { pickLocale } from '../web/i18n';

const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function page(language: string, heading: string, text: string): string {
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
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
    // The language the link's browser registered with; a link never issued answers in the reader's browser's.
    const answer = /^[A-Za-z0-9_-]{20,100}$/.test(token)
      ? await confirmToken(deps, token, deps.clock.now())
      : { outcome: 'invalid' as const, language: null };
    const stored = answer.language === null ? null : supportedLanguage(answer.language);
    const language = stored ?? pickLocale(c.req.header('accept-language'));
    const words = confirmationWords(language);
    if (answer.outcome === 'confirmed') {
      return c.html(page(language, words.confirmedHeading, words.confirmedText));
    }
    return c.html(page(language, words.invalidHeading, words.invalidText), 410);
  });
}
