/**
 * `npm run server` — serve the canon API (the default),
 * `npm run server -- admin <command>` for moderation from a shell, or
 * `npm run server:backup -- FILE` (`… backup FILE`) for a copy of the SQLite database.
 */
import { runAdmin } from './admin-cli';
import { runBackup } from './backup';
import { ConfigError, loadConfig } from './config';
import { startServer } from './start';

async function main(args: string[]): Promise<number> {
  const config = loadConfig();
  const [command = 'serve', ...rest] = args;
  if (command === 'admin') return runAdmin(config, rest);
  if (command === 'backup') return runBackup(config, rest);
  if (command !== 'serve') {
    console.error(`unknown command "${command}"; use "serve", "admin" or "backup"`);
    return 2;
  }
  const server = await startServer({ config });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void server.stop().then(() => process.exit(0));
    });
  }
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error);
    process.exit(1);
  },
);
