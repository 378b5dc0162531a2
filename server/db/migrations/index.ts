/** Every migration, in order. A static list, so bundling or a different working directory cannot lose one. */
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001-initial';
import * as sharedState from './002-shared-state';
import * as people from './003-people';
import * as canonText from './004-canon-text';
import * as moderatorsDesk from './005-moderators-desk';
import * as identityLanguage from './006-identity-language';

const MIGRATIONS: Record<string, Migration> = {
  '001-initial': initial,
  '002-shared-state': sharedState,
  '003-people': people,
  '004-canon-text': canonText,
  '005-moderators-desk': moderatorsDesk,
  '006-identity-language': identityLanguage,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
