/**
 * The database and the mail folder hold e-mail addresses and live
 * confirmation links, so only the server's own user may read them: new
 * directories are created 700 and the files 600. SQLite gives its -wal and
 * -shm files the mode of the database file, so creating that file 600 first
 * covers all three.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates `dir` (and missing parents) as 700. A directory that already exists
 * is left as it is, since it may be shared with other things, but a warning
 * names it when other users can list it.
 */
export function ensurePrivateDir(dir: string, log: (line: string) => void): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    chmodSync(dir, PRIVATE_DIR_MODE);
    return;
  }
  const mode = statSync(dir).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    log(`warning: ${dir} is mode ${mode.toString(8)}; other users can list it (chmod 700 ${dir})`);
  }
}

/** The directory holding the SQLite file. */
export function ensurePrivateDirectory(sqlitePath: string, log: (line: string) => void): void {
  ensurePrivateDir(dirname(sqlitePath), log);
}

/** Creates the database file 600 if it is new, and narrows an existing one and its companions to 600. */
export function restrictSqliteFiles(sqlitePath: string): void {
  if (!existsSync(sqlitePath)) closeSync(openSync(sqlitePath, 'a', PRIVATE_FILE_MODE));
  for (const file of [sqlitePath, `${sqlitePath}-wal`, `${sqlitePath}-shm`, `${sqlitePath}-journal`]) {
    if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
  }
}
