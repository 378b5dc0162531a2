/**
 * Canon entries as the original canon pages showed them: a description and a
 * publication date as precise as known ("2009-07" for "July 2009"), and
 * comments carried over from the original site, marked as imported so they
 * are never mistaken for ones written here. Existing books keep their year as
 * their publication date.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('books').addColumn('description', 'text').execute();
  await db.schema.alterTable('books').addColumn('published', 'varchar(10)').execute();
  await db.schema
    .alterTable('comments')
    .addColumn('imported', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  const books = (await db.selectFrom('books').select(['id', 'year']).where('year', 'is not', null).execute()) as {
    id: string;
    year: number;
  }[];
  for (const book of books) {
    await db
      .updateTable('books')
      .set({ published: String(book.year) })
      .where('id', '=', book.id)
      .execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('comments').dropColumn('imported').execute();
  await db.schema.alterTable('books').dropColumn('published').execute();
  await db.schema.alterTable('books').dropColumn('description').execute();
}
