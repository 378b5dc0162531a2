/** `npm run server:backup`: a checked, private copy of a running server's SQLite database. */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backupSqlite, runBackup } from '../../server/backup';
import { loadConfig } from '../../server/config';
import { newIdentity, postComment } from './client';
import { startCanonServer, type CanonServerHandle } from './harness';

describe('SQLite backup', () => {
  let server: CanonServerHandle;
  let dir: string;
  beforeAll(async () => {
    server = await startCanonServer();
    dir = await mkdtemp(join(tmpdir(), 'canon-backup-'));
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('copies the live database, with what was just written, as a 600 file', async () => {
    const me = await newIdentity(server, { confirm: true });
    await postComment(server, 'we-think', me.secret, { body: 'In the backup' });
    const file = join(dir, 'copy.sqlite');
    const summary = await backupSqlite(server.server.deps.config.sqlitePath, file);
    // The seed's three historic comments on We-Think, and this one.
    expect(summary).toMatchObject({ books: 32, comments: 4, people: 1 });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const copy = new SqliteDatabase(file, { readonly: true });
    expect(copy.prepare('select body from comments where imported = 0').all()).toEqual([{ body: 'In the backup' }]);
    copy.close();
    await expect(
      backupSqlite(server.server.deps.config.sqlitePath, server.server.deps.config.sqlitePath),
    ).rejects.toThrow(/must not overwrite/);
  });

  it('points PostgreSQL users at pg_dump', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const code = await runBackup(loadConfig({ DATABASE_URL: 'postgres://db.example/canon' }), ['x.dump']);
    expect(code).toBe(2);
    expect(errors.mock.calls.join(' ')).toMatch(/pg_dump/);
    errors.mockRestore();
  });
});
