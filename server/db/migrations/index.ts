/** Every migration, in order. A static list, so bundling or a different working directory cannot lose one. */
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001-initial';

const MIGRATIONS: Record<string, Migration> = {
  '001-initial': initial,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
