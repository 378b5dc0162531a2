/** Every migration, in order. A static list, so bundling or a different working directory cannot lose one. */
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001-initial';
import * as sharedState from './002-shared-state';
import * as people from './003-people';

const MIGRATIONS: Record<string, Migration> = {
  '001-initial': initial,
  '002-shared-state': sharedState,
  '003-people': people,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
