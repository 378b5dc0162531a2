/**
 * `npm run server:backup -- FILE`: a consistent copy of the SQLite database
 * while the server keeps running, made with SQLite's online backup API (no
 * lock held for more than a page step; writes made meanwhile are in the copy
 * or after it, never half in it). The copy is written next to FILE and
 * renamed into place once complete, checked, and made 600 like the database.
 * PostgreSQL is backed up with its own tools: `pg_dump` (docs/deploy.md).
 */
import { chmodSync, existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Config } from './config';
import { SQLITE_BUSY_TIMEOUT_MS } from './db/connect';
import { PRIVATE_FILE_MODE } from './db/file-modes';

export type BackupSummary = { file: string; pages: number; books: number; comments: number; people: number };

export async function backupSqlite(sqlitePath: string, file: string): Promise<BackupSummary> {
  if (!existsSync(sqlitePath)) throw new Error(`no database at ${sqlitePath}`);
  const target = resolve(file);
  if (target === resolve(sqlitePath)) throw new Error('the backup must not overwrite the database itself');
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const source = new SqliteDatabase(sqlitePath, { fileMustExist: true });
  try {
    source.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    const { totalPages } = await source.backup(partial);
    chmodSync(partial, PRIVATE_FILE_MODE);
    const copy = new SqliteDatabase(partial, { readonly: true });
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${String(check)}`);
      const count = (table: string) => (copy.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
      const summary = {
        file: target,
        pages: totalPages,
        books: count('books'),
        comments: count('comments'),
        people: count('people'),
      };
      renameSync(partial, target);
      return summary;
    } finally {
      copy.close();
    }
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    source.close();
  }
}

export async function runBackup(config: Config, args: string[]): Promise<number> {
  const [file] = args;
  if (file === undefined || args.length > 1) {
    console.error('usage: npm run server:backup -- FILE');
    return 2;
  }
  if (config.databaseUrl !== null) {
    console.error(
      'DATABASE_URL is set: back up PostgreSQL with its own tools, e.g. `pg_dump --format=custom --file=FILE "$DATABASE_URL"` (see docs/deploy.md).',
    );
    return 2;
  }
  const summary = await backupSqlite(config.sqlitePath, file);
  console.log(
    `backed up ${config.sqlitePath} to ${summary.file}: ${summary.pages} pages, ${summary.books} books, ${summary.comments} comments, ${summary.people} people; integrity ok`,
  );
  return 0;
}
