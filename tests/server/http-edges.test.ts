/**
 * The edges of HTTP, over raw sockets: oversized bodies and headers, slow and
 * abandoned uploads. Every refusal is a JSON error, and the ones the app
 * itself gives keep the connection open for the next request.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCanonServer, type CanonServerHandle } from './harness';

type RawReply = { status: number; headers: string; body: string };

/** Writes `requests` on one connection and reads until the server closes it. */
function exchange(server: CanonServerHandle, requests: string[]): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
    for (const request of requests) socket.write(request);
  });
}

/** Splits a stream of HTTP/1.1 responses (each with Content-Length). */
function replies(text: string): RawReply[] {
  const out: RawReply[] = [];
  let rest = text;
  while (rest.startsWith('HTTP/1.1 ')) {
    const end = rest.indexOf('\r\n\r\n');
    const headers = rest.slice(0, end);
    const length = Number(/content-length: *(\d+)/i.exec(headers)?.[1] ?? 0);
    out.push({ status: Number(headers.slice(9, 12)), headers, body: rest.slice(end + 4, end + 4 + length) });
    rest = rest.slice(end + 4 + length);
  }
  return out;
}

const closing = 'GET /healthz HTTP/1.1\r\nHost: canon\r\nConnection: close\r\n\r\n';
const post = (path: string, headers: string, body: string) =>
  `POST /api/v1${path} HTTP/1.1\r\nHost: canon\r\nContent-Type: application/json\r\n${headers}\r\n${body}`;

function expectJsonError(reply: RawReply | undefined, status: number, code: string): void {
  expect(reply?.status).toBe(status);
  expect(reply?.headers).toMatch(/content-type: application\/json/i);
  expect(JSON.parse(reply?.body ?? '')).toEqual({ error: { code, message: expect.any(String) } });
}

describe('HTTP edges', () => {
  let server: CanonServerHandle;
  const lines: string[] = [];
  beforeAll(async () => {
    server = await startCanonServer({ config: { requestTimeoutMs: 1_000 }, log: (line) => lines.push(line) });
  });
  afterAll(() => server?.stop());

  it('answers a body over 64 KB with a JSON 413 and keeps the connection for the next request', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(70_000), email: 'a@example.org' });
    const declared = replies(
      await exchange(server, [post('/identities', `Content-Length: ${big.length}\r\n`, big), closing]),
    );
    expectJsonError(declared[0], 413, 'payload_too_large');
    expect(declared[1]?.status).toBe(200);

    const chunked = `${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`;
    const streamed = replies(
      await exchange(server, [post('/identities', 'Transfer-Encoding: chunked\r\n', chunked), closing]),
    );
    expectJsonError(streamed[0], 413, 'payload_too_large');
    expect(streamed[1]?.status).toBe(200);
  });

  it('answers oversized headers with a JSON 431: on an open connection below the parser limit, closing above it', async () => {
    const header = (n: number) => `GET /healthz HTTP/1.1\r\nHost: canon\r\nX-Padding: ${'p'.repeat(n)}\r\n\r\n`;
    const kept = replies(await exchange(server, [header(10_000), closing]));
    expectJsonError(kept[0], 431, 'headers_too_large');
    expect(kept[1]?.status).toBe(200);
    const closed = replies(await exchange(server, [header(40_000), closing]));
    expect(closed).toHaveLength(1);
    expectJsonError(closed[0], 431, 'headers_too_large');
    expect(closed[0]?.headers).toMatch(/connection: close/i);
  });

  it('answers a malformed request with a JSON 400', async () => {
    const [reply] = replies(await exchange(server, ['BREW /coffee HTCPCP/1.0\r\n\r\n']));
    expectJsonError(reply, 400, 'bad_request');
  });

  it('ends a request whose body does not arrive within the request timeout, with a JSON 408', async () => {
    const [reply] = replies(await exchange(server, [post('/identities', 'Content-Length: 100\r\n', '{"na')]));
    expectJsonError(reply, 408, 'request_timeout');
  });

  it('logs an abandoned upload as one info line, without a stack trace', async () => {
    const before = lines.length;
    const { port } = new URL(server.url);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1');
      // "100 Continue" says the server has read the headers and its handler is waiting for the body.
      socket.write(post('/identities', 'Content-Length: 1000\r\nExpect: 100-continue\r\n', ''));
      socket.once('data', () => socket.write('{"name": "half', () => socket.destroy()));
      socket.on('close', () => resolve());
    });
    await expect.poll(() => lines.slice(before).join('\n'), { timeout: 10_000 }).toMatch(/not received in full/);
    const logged = lines.slice(before);
    expect(logged).toEqual(['info request body not received in full: POST /api/v1/identities']);
  });
});
