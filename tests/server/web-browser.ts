/**
 * A browser over real HTTP for the public pages' tests: its cookie jar, pages parsed
 * without running script, and forms sent as a reader sends them.
 */
import { Window } from 'happy-dom';

/** One browser: its cookies, kept between requests. */
export function browser(base: string) {
  const jar = new Map<string, string>();
  const setCookies: string[] = [];
  async function request(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(`${base}${path}`, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      setCookies.push(line);
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }
  async function open(path: string) {
    const response = await request(path);
    const html = await response.text();
    const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
    return { response, doc: new window.DOMParser().parseFromString(html, 'text/html') };
  }
  async function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    return request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  }
  /** Opens the page and sends its form with these fields, as a reader would. */
  async function submit(path: string, fields: Record<string, string>, action = path) {
    const { doc } = await open(path);
    const csrf = doc.querySelector('input[name="csrf"]')?.getAttribute('value') ?? '';
    return post(action, { csrf, ...fields });
  }
  return { jar, setCookies, open, post, submit };
}
