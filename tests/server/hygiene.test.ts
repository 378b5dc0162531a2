/**
 * The small things an operator or a hostile client finds: admin tokens as
 * password generators make them, log lines that cannot be forged, UTF-8-only
 * bodies, review links that cannot point inward, private files, spoilers
 * kept out of feeds, budgets that replays do not touch, and an OpenAPI
 * document that says all of it.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import { sweepExpired } from '../../server/db/housekeeping';
import { IDEMPOTENCY_KEY_TTL_MS } from '../../server/limits';
import { escapeControls } from '../../server/log';
import { call, newIdentity, postComment, uniqueEmail } from './client';
import { backends, NO_RATE_LIMITS, startCanonServer, type CanonServerHandle } from './harness';

// What `openssl rand -base64 33` prints: + / and = included.
const BASE64_TOKEN = 'q+Z3/vK9Lm0pQ8s+Xy7/Wd2eRt5uIo1aBc4dEf6gHj8=';

const mode = async (path: string) => (await stat(path)).mode & 0o777;

describe('configuration and log lines', () => {
  it('accepts any visible ASCII admin token and refuses others with a clear message', () => {
    expect(loadConfig({ ADMIN_TOKEN: BASE64_TOKEN }).adminToken).toBe(BASE64_TOKEN);
    for (const bad of ['short', 'twenty four chars but spaces', `${'é'.repeat(30)}`, `${'a'.repeat(30)}\n`]) {
      expect(() => loadConfig({ ADMIN_TOKEN: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ ADMIN_TOKEN: bad })).toThrow(/visible ASCII characters without spaces/);
    }
  });

  it('escapes every control character and line separator in log lines', () => {
    expect(escapeControls('GET /books/x\ninfo forged\r\u2028\u0000\u001b[31m\u0085')).toBe(
      'GET /books/x\\ninfo forged\\r\\u2028\\x00\\x1b[31m\\x85',
    );
  });
});

describe.each(backends())('hygiene (%s)', (backend) => {
  let server: CanonServerHandle;
  const lines: string[] = [];
  beforeAll(async () => {
    server = await startCanonServer({
      backend,
      config: {
        adminToken: BASE64_TOKEN,
        rateLimits: { ...NO_RATE_LIMITS, commentsPerIdentity: { limit: 3, windowMs: 60_000 } },
      },
      log: (line) => lines.push(line),
    });
  });
  afterAll(() => server?.stop());

  it('lets the admin in with a base64 token', async () => {
    expect((await call(server.api, 'GET', '/admin/queue', { secret: BASE64_TOKEN })).status).toBe(200);
    expect((await call(server.api, 'GET', '/admin/queue', { secret: BASE64_TOKEN.slice(0, -1) })).status).toBe(401);
  });

  it('takes only UTF-8 JSON: invalid bytes are a 400, another declared charset a 415', async () => {
    const email = uniqueEmail();
    const latin1 = Buffer.concat([
      Buffer.from(`{"name":"Jos`),
      Buffer.from([0xe9]),
      Buffer.from(`","email":"${email}"}`),
    ]);
    const invalid = await fetch(`${server.api}/identities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: latin1,
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { message: string } }).error.message).toMatch(/UTF-8/);
    const rows = await server.server.deps.db.selectFrom('identities').select('id').where('email', '=', email).execute();
    expect(rows).toEqual([]);

    const body = JSON.stringify({ name: 'José', email });
    for (const charset of ['iso-8859-1', 'utf-16', 'windows-1252']) {
      const reply = await call(server.api, 'POST', '/identities', {
        body,
        headers: { 'content-type': `application/json; charset=${charset}` },
      });
      expect(reply.status, charset).toBe(415);
      expect(reply.body.error.code).toBe('unsupported_media_type');
    }
    for (const charset of ['utf-8', 'UTF-8', '"utf-8"']) {
      const reply = await call(server.api, 'POST', '/identities', {
        body: JSON.stringify({ name: 'José', email: uniqueEmail() }),
        headers: { 'content-type': `application/json; charset=${charset}` },
      });
      expect(reply.status, charset).toBe(202);
    }
  });

  it('refuses review links that could only probe or trap, and stores the rest normalised', async () => {
    const me = await newIdentity(server, { confirm: true });
    const add = (url: string) =>
      call(server.api, 'POST', '/books/we-think/links', { secret: me.secret, body: { url, title: 'A review' } });
    for (const url of [
      'https://example.org/review\r\nSet-Cookie: x=1',
      'https://example.org/re view',
      'https://user:secret@example.org/review',
      'https://user@example.org/review',
      'http://127.0.0.1:22/',
      'http://2130706433/',
      'http://0x7f.1/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://10.1.2.3/',
      'http://172.20.0.1/',
      'http://192.168.1.1/admin',
      'http://169.254.169.254/latest/meta-data/',
      'http://[fe80::1]/',
      'http://[fd00::1]/',
      'http://0.0.0.0/',
      'http://localhost:8080/',
      'http://printer.local/',
      'http://intranet/',
      'ftp://example.org/review',
    ]) {
      const reply = await add(url);
      expect(reply.status, url).toBe(400);
      expect(reply.body.error.code).toBe('validation_failed');
    }
    const first = await add('HTTPS://Reviews.Example.ORG:443/a/../We-Think?x=1');
    expect(first.status).toBe(201);
    expect(first.body.link.url).toBe('https://reviews.example.org/We-Think?x=1');
    expect((await add('https://reviews.example.org/We-Think?x=1')).status).toBe(409);
    expect((await add('https://REVIEWS.example.org/./We-Think?x=1')).status).toBe(409);
  });

  it('writes only the title and a placeholder for spoiler comments into the feeds', async () => {
    const me = await newIdentity(server, { confirm: true });
    const secret = `The twist ${randomUUID()}`;
    await postComment(server, 'good-services', me.secret, { body: secret, spoiler: true });
    const flaggedText = `Flagged later ${randomUUID()}`;
    const flagged = await postComment(server, 'good-services', me.secret, { body: flaggedText });
    const reader = await newIdentity(server, { confirm: true });
    await call(server.api, 'POST', `/comments/${flagged.body.id}/flags`, {
      secret: reader.secret,
      body: { reason: 'spoiler' },
    });
    for (const path of ['/feeds/comments.atom', '/books/good-services/comments.atom']) {
      const xml = await (await fetch(`${server.api}${path}`)).text();
      expect(xml).not.toContain(secret);
      expect(xml).not.toContain(flaggedText);
      expect(xml).toContain('contains spoilers');
    }
  });

  it('does not charge replays of one idempotent comment to the comment budget', async () => {
    const me = await newIdentity(server, { confirm: true });
    const key = randomUUID();
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () => postComment(server, 'we-think', me.secret, { body: 'Sent five times' }, key)),
    );
    expect(concurrent.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    for (let i = 0; i < 5; i++) {
      expect((await postComment(server, 'we-think', me.secret, { body: 'Sent five times' }, key)).status).toBe(201);
    }
    // One comment spent one of three.
    expect((await postComment(server, 'we-think', me.secret, { body: 'second' })).status).toBe(201);
    expect((await postComment(server, 'we-think', me.secret, { body: 'third' })).status).toBe(201);
    const over = await postComment(server, 'we-think', me.secret, { body: 'fourth' });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('logs a path with control characters on one line', async () => {
    const before = lines.length;
    const { port } = new URL(server.url);
    const { connect } = await import('node:net');
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1');
      socket.write(
        `POST /api/v1/admin/nominations/x%0Ainfo%20forged%0D/accept HTTP/1.1\r\nHost: canon\r\n` +
          `Authorization: Bearer ${BASE64_TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n` +
          `Expect: 100-continue\r\n\r\n`,
      );
      socket.once('data', () => socket.write('{', () => socket.destroy()));
      socket.on('close', () => resolve());
    });
    await expect.poll(() => lines.length, { timeout: 10_000 }).toBeGreaterThan(before);
    const logged = lines.slice(before);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^info request body not received in full: POST \/api\/v1\/admin\/nominations\/x/);
    expect(logged[0]).not.toMatch(/[\n\r]/);
  });

  it('sweeps closed rate windows and expired idempotency keys', async () => {
    const me = await newIdentity(server, { confirm: true });
    await postComment(server, 'we-think', me.secret, { body: 'Leaves a key and a window behind' });
    const { db } = server.server.deps;
    const count = async (table: 'rate_windows' | 'idempotency_keys') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('rate_windows')).toBeGreaterThan(0);
    expect(await count('idempotency_keys')).toBeGreaterThan(0);
    await sweepExpired(db, server.clock.now());
    expect(await count('idempotency_keys')).toBeGreaterThan(0);
    await sweepExpired(db, server.clock.now() + IDEMPOTENCY_KEY_TTL_MS + 1);
    expect(await count('rate_windows')).toBe(0);
    expect(await count('idempotency_keys')).toBe(0);
  });

  it('answers the health check with the database reachable and its migrations current', async () => {
    const reply = await call(server.url, 'GET', '/healthz');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ ok: true, database: 'reachable', migrations: 'current' });
  });

  it('documents 429 with Retry-After on every operation, every budget, and the idempotency header', async () => {
    const doc = (await call(server.api, 'GET', '/openapi.json')).body;
    let operations = 0;
    for (const methods of Object.values(doc.paths as Record<string, Record<string, { responses: object }>>)) {
      for (const operation of Object.values(methods)) {
        const limited = (operation.responses as Record<string, { headers?: Record<string, unknown> }>)['429'];
        expect(limited?.headers?.['Retry-After']).toBeDefined();
        operations++;
      }
    }
    expect(operations).toBeGreaterThan(25);
    for (const budget of [
      'comments per reader',
      'registrations per client address',
      'confirmation mails per address',
    ]) {
      expect(doc.info.description).toContain(budget);
    }
    const comment = doc.paths['/books/{id}/comments'].post;
    const key = comment.parameters.find((p: { name: string }) => p.name === 'Idempotency-Key');
    expect(key).toMatchObject({ in: 'header', required: true });
    expect(key.description).toMatch(/not charged/);
    expect(comment.responses['429'].description).toContain('comments per reader (3 per minute)');
    expect(doc.paths['/identities'].post.responses['202']).toBeDefined();
  });
});

describe('file modes', () => {
  it('keeps the data directory 700 and the database, its WAL and the mail files 600', async () => {
    const root = await mkdtemp(join(tmpdir(), 'canon-modes-'));
    try {
      const dataDir = join(root, 'fresh', 'data');
      const mailDir = join(dataDir, 'mail');
      const sqlitePath = join(dataDir, 'canon.sqlite');
      const server = await startCanonServer({ config: { sqlitePath, mailDir, smtpUrl: null } });
      try {
        await call(server.api, 'POST', '/identities', { body: { name: 'Modes', email: uniqueEmail() } });
        await expect.poll(async () => (await readdir(mailDir).catch(() => [])).length, { timeout: 10_000 }).toBe(1);
        expect(await mode(dataDir)).toBe(0o700);
        expect(await mode(mailDir)).toBe(0o700);
        for (const file of [sqlitePath, `${sqlitePath}-wal`, `${sqlitePath}-shm`]) {
          expect(await mode(file), file).toBe(0o600);
        }
        for (const name of await readdir(mailDir)) expect(await mode(join(mailDir, name))).toBe(0o600);
      } finally {
        await server.stop();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
