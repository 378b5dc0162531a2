/**
 * `npm run server:backup-check` — proves the backup and restore steps of
 * docs/deploy.md on real server processes. For SQLite (always) and for
 * PostgreSQL (when DATABASE_URL names a server and pg_dump/pg_restore are on
 * PATH): write through a running server, back up while it runs, write again,
 * restore the backup into a fresh database, start a server on it, and check
 * that exactly what was written before the backup is there. Prints each step;
 * exits 1 if any check fails.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPostgresDatabase, startServerProcess, type ServerProcess } from './server-process';

type Written = { secret: string; before: string; after: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field below
type Reply = { status: number; body: any };

async function call(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; secret?: string; key?: string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.secret !== undefined) headers.authorization = `Bearer ${options.secret}`;
  if (options.key !== undefined) headers['idempotency-key'] = options.key;
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

let failures = 0;
function check(what: string, ok: boolean): void {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
  const output = `${result.stdout}${result.stderr}`.trim();
  if (output !== '') console.log(`  $ ${[command, ...args].join(' ')}\n    ${output.replaceAll('\n', '\n    ')}`);
  if (result.status !== 0) throw new Error(`${command} exited with ${result.status}`);
}

async function writeBefore(server: ServerProcess): Promise<Written> {
  const reg = await call(server.api, 'POST', '/identities', {
    body: { name: 'Backup Check', email: `backup.${randomUUID()}@example.org` },
  });
  const secret = reg.body.secret as string;
  const before = `Written before the backup ${randomUUID()}`;
  await call(server.api, 'POST', '/books/we-think/comments', { secret, key: randomUUID(), body: { body: before } });
  await call(server.api, 'PUT', '/books/we-think/rating', { secret, body: { value: 4 } });
  return { secret, before, after: `Written after the backup ${randomUUID()}` };
}

async function writeAfter(server: ServerProcess, written: Written): Promise<void> {
  const reply = await call(server.api, 'POST', '/books/we-think/comments', {
    secret: written.secret,
    key: randomUUID(),
    body: { body: written.after },
  });
  if (reply.status !== 201) throw new Error(`write after the backup failed: ${reply.status}`);
}

async function checkRestored(server: ServerProcess, written: Written): Promise<void> {
  check('the restored server is healthy', (await call(server.url, 'GET', '/healthz')).body.ok === true);
  const me = await call(server.api, 'GET', '/identities/me', { secret: written.secret });
  check('the identity made before the backup still signs in', me.status === 200);
  const own = await call(server.api, 'GET', '/books/we-think/comments?limit=50', { secret: written.secret });
  const bodies = (own.body.comments as { body: string }[]).map((c) => c.body);
  check('the comment written before the backup is there', bodies.includes(written.before));
  check('the comment written after the backup is not', !bodies.includes(written.after));
  const mine = await call(server.api, 'GET', '/books/we-think/mine', { secret: written.secret });
  check('the rating written before the backup is there', mine.body.rating === 4);
}

async function sqlite(): Promise<void> {
  console.log('SQLite: npm run server:backup -- FILE while the server runs, then copy FILE into place');
  const dir = mkdtempSync(join(tmpdir(), 'canon-backup-check-'));
  try {
    const live = { DATABASE_URL: '', SQLITE_PATH: join(dir, 'live', 'canon.sqlite'), MAIL_DIR: join(dir, 'mail') };
    const server = await startServerProcess(live);
    let written: Written;
    const file = join(dir, 'canon-backup.sqlite');
    try {
      written = await writeBefore(server);
      run(process.execPath, ['--import', 'tsx', 'server/main.ts', 'backup', file], live);
      await writeAfter(server, written);
    } finally {
      await server.stop();
    }
    // Restore: the server is stopped, the backup becomes the database (no -wal or -shm beside it).
    const restoredPath = join(dir, 'restored', 'canon.sqlite');
    mkdirSync(join(dir, 'restored'), { mode: 0o700 });
    copyFileSync(file, restoredPath);
    const restored = await startServerProcess({ ...live, SQLITE_PATH: restoredPath });
    try {
      await checkRestored(restored, written);
    } finally {
      await restored.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function hasPostgresTools(): boolean {
  return ['pg_dump', 'pg_restore'].every((tool) => spawnSync(tool, ['--version']).status === 0);
}

async function postgres(base: string): Promise<void> {
  console.log('PostgreSQL: pg_dump --format=custom while the server runs, then pg_restore into an empty database');
  const dir = mkdtempSync(join(tmpdir(), 'canon-backup-check-'));
  const live = await freshPostgresDatabase(base);
  const target = await freshPostgresDatabase(base);
  try {
    const server = await startServerProcess({ DATABASE_URL: live.url, MAIL_DIR: join(dir, 'mail') });
    let written: Written;
    const file = join(dir, 'canon.dump');
    try {
      written = await writeBefore(server);
      run('pg_dump', ['--format=custom', `--file=${file}`, live.url]);
      await writeAfter(server, written);
    } finally {
      await server.stop();
    }
    run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${target.url}`, file]);
    const restored = await startServerProcess({ DATABASE_URL: target.url, MAIL_DIR: join(dir, 'mail') });
    try {
      await checkRestored(restored, written);
    } finally {
      await restored.stop();
    }
  } finally {
    await live.drop();
    await target.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await sqlite();
  const base = process.env.DATABASE_URL;
  if (!base) console.log('PostgreSQL: skipped (DATABASE_URL is not set)');
  else if (!hasPostgresTools()) console.log('PostgreSQL: skipped (pg_dump and pg_restore are not on PATH)');
  else await postgres(base);
  console.log(
    failures === 0 ? 'backup and restore: all checks passed' : `backup and restore: ${failures} checks failed`,
  );
  process.exitCode = failures === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
