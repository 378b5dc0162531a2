/**
 * One browser on the moderator's desk, over real HTTP: a cookie jar, pages
 * parsed (no script runs), forms sent as a browser sends them, and signing in
 * by the link the real SMTP receiver caught.
 */
import { Window } from 'happy-dom';
import type { CanonServerHandle } from './harness';

export type DeskBrowser = ReturnType<typeof deskBrowser>;

export function deskBrowser(base: string) {
  const jar = new Map<string, string>();
  const setCookies: string[] = [];
  async function request(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(path.startsWith('http') ? path : `${base}${path}`, {
      ...init,
      headers,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      setCookies.push(line);
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value === '' || /max-age=0/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }
  const parse = (html: string) => {
    const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
    return new window.DOMParser().parseFromString(html, 'text/html');
  };
  async function open(path: string) {
    const response = await request(path);
    const html = await response.text();
    return { response, html, doc: parse(html) };
  }
  async function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    return request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  }
  /** The CSRF token of the first form on a page. */
  async function csrfOf(path: string): Promise<string> {
    const { doc } = await open(path);
    return doc.querySelector('input[name="csrf"]')?.getAttribute('value') ?? '';
  }
  return { jar, setCookies, request, open, post, parse, csrfOf };
}

/** The sign-in link in a desk mail. */
export function deskLinkOf(text: string): string {
  const link = /https?:\/\/\S+\/admin\/login\/[A-Za-z0-9_-]+/.exec(text)?.[0];
  if (link === undefined) throw new Error(`no sign-in link in: ${text}`);
  return link;
}

/** Asks for a link for `email` from the sign-in form; returns the page's answer. */
export async function askForLink(browser: DeskBrowser, email: string) {
  const csrf = await browser.csrfOf('/admin');
  const response = await browser.post('/admin/sign-in', { csrf, email });
  return { status: response.status, html: await response.text() };
}

/** Follows a sign-in link as the moderator would: open it, press the button. */
export async function useLink(browser: DeskBrowser, link: string) {
  const { doc } = await browser.open(link);
  const token = doc.querySelector('input[name="token"]')?.getAttribute('value') ?? '';
  const csrf = doc.querySelector('input[name="csrf"]')?.getAttribute('value') ?? '';
  return browser.post('/admin/login', { csrf, token });
}

/** Signs `email` (a moderator's) in through the mailed link. */
export async function signIn(server: CanonServerHandle, browser: DeskBrowser, email: string) {
  await askForLink(browser, email);
  const mail = await server.nextMail(email);
  const response = await useLink(browser, deskLinkOf(mail.text));
  if (response.status !== 303) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
}

/** A valid ISBN-13 (978 prefix) no seed book has, from a number. */
export function isbnFor(n: number): string {
  const first12 = `9780${String(n).padStart(8, '0')}`;
  const sum = [...first12].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}
