/** Small request helpers for the server tests: JSON in, status and JSON out. */
import { randomUUID } from 'node:crypto';
import type { CanonServerHandle } from './harness';

// Bodies are whatever each route answers; the tests read them field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Reply = { status: number; headers: Headers; body: any };

export async function call(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; secret?: string; key?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  if (options.secret !== undefined) headers.authorization = `Bearer ${options.secret}`;
  if (options.key !== undefined) headers['idempotency-key'] = options.key;
  const init: RequestInit = {
    method,
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  };
  const response = await fetch(`${base}${path}`, init).catch((error: unknown) => {
    // A test that blocks this process's event loop (a 100,000-book insert through the synchronous SQLite
    // driver) lets the server's keep-alive timer and the client's fire together: the client may send on a
    // socket the server has just closed. As HTTP clients do (RFC 9110 §9.2.2), an idempotent request is
    // sent again once on a new connection; anything else fails as it came.
    if ((method === 'GET' || method === 'HEAD') && closedUnderneath(error)) return fetch(`${base}${path}`, init);
    throw error;
  });
  const text = await response.text();
  let body: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body };
}

function closedUnderneath(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return (
    cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET' || /other side closed/.test(cause?.message ?? '')
  );
}

let counter = 0;
/** An e-mail address no other test uses. */
export const uniqueEmail = (label = 'reader') => `${label}.${++counter}.${randomUUID().slice(0, 8)}@example.org`;

/** Registers an identity; with `confirm`, follows the mailed link as the reader would. */
export async function newIdentity(server: CanonServerHandle, options: { name?: string; confirm?: boolean } = {}) {
  const email = uniqueEmail();
  const reply = await call(server.api, 'POST', '/identities', { body: { name: options.name ?? 'Test Reader', email } });
  if (reply.status !== 202) throw new Error(`register failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  const identity = { id: reply.body.id as string, secret: reply.body.secret as string, email };
  if (options.confirm) {
    const mail = await server.nextMail(email);
    const page = await fetch(mail.link ?? '');
    if (page.status !== 200) throw new Error(`confirmation failed: ${page.status}`);
  }
  return identity;
}

export const postComment = (
  server: CanonServerHandle,
  bookId: string,
  secret: string,
  body: unknown,
  key: string = randomUUID(),
) => call(server.api, 'POST', `/books/${bookId}/comments`, { body, secret, key });

/** Registers one browser's identity for `email` (as typed), from `client` when the server trusts one proxy hop. */
export async function register(server: CanonServerHandle, name: string, email: string, client?: string) {
  const reply = await call(server.api, 'POST', '/identities', {
    body: { name, email },
    headers: client === undefined ? {} : { 'x-forwarded-for': client },
  });
  if (reply.status !== 202) throw new Error(`register failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return { id: reply.body.id as string, secret: reply.body.secret as string, email, reply };
}

/** Follows the next confirmation link mailed to `to` (the address as the server sends to it). */
export async function followNextLink(server: CanonServerHandle, to: string): Promise<number> {
  const mail = await server.nextMail(to);
  return (await fetch(mail.link ?? '')).status;
}
