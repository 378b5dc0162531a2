import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, newIdentity, postComment } from './client';
import { backends, NO_RATE_LIMITS, startCanonServer, type CanonServerHandle } from './harness';

describe.each(backends())('protection (%s)', (backend) => {
  let server: CanonServerHandle;
  beforeAll(async () => {
    server = await startCanonServer({
      backend,
      config: {
        corsOrigins: ['https://canon.example.org'],
        rateLimits: {
          ...NO_RATE_LIMITS,
          commentsPerIdentity: { limit: 3, windowMs: 60_000 },
          readsPerIp: { limit: 400, windowMs: 60_000 },
        },
      },
    });
  });
  afterAll(() => server?.stop());

  it('answers 413 to bodies over 64 KB, before parsing them', async () => {
    const me = await newIdentity(server);
    const big = JSON.stringify({ body: 'x'.repeat(70_000) });
    const declared = await call(server.api, 'POST', '/books/we-think/comments', {
      body: big,
      secret: me.secret,
      key: 'big-1',
    });
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe('payload_too_large');
    // Not even valid JSON: a 413 proves the body was never parsed.
    const garbage = await call(server.api, 'POST', '/identities', { body: `{${'x'.repeat(65_537)}` });
    expect(garbage.status).toBe(413);
  });

  it('accepts writes only as application/json', async () => {
    const reply = await call(server.api, 'POST', '/identities', {
      body: 'name=a&email=b@c.de',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(reply.status).toBe(415);
    expect((await call(server.api, 'POST', '/identities', { body: '{not json' })).status).toBe(400);
  });

  it('limits comments per identity with 429 and Retry-After, and replays do not count', async () => {
    const me = await newIdentity(server, { confirm: true });
    for (let i = 0; i < 3; i++) {
      expect((await postComment(server, 'we-think', me.secret, { body: `limited ${i}` }, `limit-${i}`)).status).toBe(
        201,
      );
    }
    expect((await postComment(server, 'we-think', me.secret, { body: 'limited 0' }, 'limit-0')).status).toBe(201);
    const over = await postComment(server, 'we-think', me.secret, { body: 'one too many' });
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('rate_limited');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    server.clock.advance(61_000);
    expect((await postComment(server, 'we-think', me.secret, { body: 'after the window' })).status).toBe(201);
  });

  it('does not let a rotating X-Forwarded-For reset the per-address budget', async () => {
    let limited = 0;
    for (let i = 0; i < 420 && limited === 0; i++) {
      const reply = await call(server.api, 'GET', '/books/we-think', {
        headers: { 'x-forwarded-for': `10.0.${i >> 8}.${i & 255}` },
      });
      if (reply.status === 429) limited = i;
    }
    expect(limited).toBeGreaterThan(0);
    expect(limited).toBeLessThanOrEqual(400);
    server.clock.advance(61_000);
  });

  it('opens CORS to extension origins and configured ones only', async () => {
    const origins = {
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop': true,
      'moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0': true,
      'https://canon.example.org': true,
      'https://evil.example': false,
      null: false,
    };
    for (const [origin, allowed] of Object.entries(origins)) {
      const preflight = await fetch(`${server.api}/books/we-think/comments`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type,idempotency-key',
        },
      });
      expect(preflight.headers.get('access-control-allow-origin'), origin).toBe(allowed ? origin : null);
      const get = await fetch(`${server.api}/books/we-think`, { headers: { origin } });
      expect(get.headers.get('access-control-allow-origin'), origin).toBe(allowed ? origin : null);
    }
  });

  it('sends nosniff and JSON errors without stack traces everywhere', async () => {
    for (const path of ['/books/we-think', '/books/nope', '/identities/me', '/nowhere']) {
      const reply = await call(server.api, 'GET', path);
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      if (reply.status >= 400) {
        expect(reply.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
        expect(JSON.stringify(reply.body)).not.toMatch(/at .*\.ts:\d+/);
      }
    }
  });

  it('ignores X-Forwarded-For unless proxy hops are configured', async () => {
    const { clientAddress } = await import('../../server/security/client-address');
    expect(clientAddress('127.0.0.1', '1.2.3.4', 0)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 1.2.3.4', 1)).toBe('1.2.3.4');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 1.2.3.4, 10.0.0.2', 2)).toBe('1.2.3.4');
  });
});
