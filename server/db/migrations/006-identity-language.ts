/**
 * The language each browser registered in, so its confirmation mail and the
 * page its link opens speak it. Identities from before stay null and get
 * English, the only language mails were written in until then.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('identities').addColumn('language', 'varchar(8)').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('identities').dropColumn('language').execute();
}
