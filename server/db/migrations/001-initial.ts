/** The first schema. Written with the schema builder and portable types only, so SQLite and PostgreSQL share it. */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('books')
    .addColumn('id', 'varchar(80)', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text')
    .addColumn('authors', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text')
    .addColumn('year', 'integer')
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('books_title_key').on('books').column('title_key').execute();

  await db.schema
    .createTable('book_isbns')
    .addColumn('isbn13', 'varchar(13)', (c) => c.primaryKey())
    .addColumn('book_id', 'varchar(80)', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('isbn10', 'varchar(10)')
    .execute();
  await db.schema.createIndex('book_isbns_book').on('book_isbns').column('book_id').execute();

  await db.schema
    .createTable('chapters')
    .addColumn('book_id', 'varchar(80)', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addPrimaryKeyConstraint('chapters_pk', ['book_id', 'position'])
    .execute();

  await db.schema
    .createTable('identities')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_canonical', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('confirmed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('confirmation_tokens')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('identity_id', 'varchar(36)', (c) => c.notNull().references('identities.id').onDelete('cascade'))
    .addColumn('email_canonical', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('confirmation_tokens_email')
    .on('confirmation_tokens')
    .columns(['email_canonical', 'created_at'])
    .execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('book_id', 'varchar(80)', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('identity_id', 'varchar(36)', (c) => c.notNull().references('identities.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('spoiler', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('comments_book_page')
    .on('comments')
    .columns(['book_id', 'status', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('comments_feed').on('comments').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('comments_identity').on('comments').columns(['identity_id', 'status']).execute();

  await db.schema
    .createTable('comment_flags')
    .addColumn('comment_id', 'varchar(36)', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('identity_id', 'varchar(36)', (c) => c.notNull().references('identities.id').onDelete('cascade'))
    .addColumn('reason', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_flags_pk', ['comment_id', 'identity_id'])
    .execute();

  await db.schema
    .createTable('ratings')
    .addColumn('book_id', 'varchar(80)', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('identity_id', 'varchar(36)', (c) => c.notNull().references('identities.id').onDelete('cascade'))
    .addColumn('half_stars', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('ratings_pk', ['book_id', 'identity_id'])
    .execute();

  await db.schema
    .createTable('tags')
    .addColumn('book_id', 'varchar(80)', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('identity_id', 'varchar(36)', (c) => c.notNull().references('identities.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tags_pk', ['book_id', 'identity_id', 'tag'])
    .execute();

  await db.schema
    .createTable('review_links')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('book_id', 'varchar(80)', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('identity_id', 'varchar(36)', (c) => c.references('identities.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('review_links_book_url', ['book_id', 'url'])
    .execute();

  await db.schema
    .createTable('nominations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('isbn13', 'varchar(13)')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('authors', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('identity_id', 'varchar(36)', (c) => c.notNull().references('identities.id').onDelete('cascade'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('book_id', 'varchar(80)', (c) => c.references('books.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('nominations_isbn').on('nominations').column('isbn13').execute();
  await db.schema.createIndex('nominations_title_key').on('nominations').column('title_key').execute();

  await db.schema
    .createTable('nomination_supporters')
    .addColumn('nomination_id', 'varchar(36)', (c) => c.notNull().references('nominations.id').onDelete('cascade'))
    .addColumn('identity_id', 'varchar(36)', (c) => c.notNull().references('identities.id').onDelete('cascade'))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('nomination_supporters_pk', ['nomination_id', 'identity_id'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('identity_id', 'varchar(36)', (c) => c.notNull().references('identities.id').onDelete('cascade'))
    .addColumn('key', 'varchar(128)', (c) => c.notNull())
    .addColumn('fingerprint', 'varchar(64)', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['identity_id', 'key'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'idempotency_keys',
    'nomination_supporters',
    'nominations',
    'review_links',
    'tags',
    'ratings',
    'comment_flags',
    'comments',
    'confirmation_tokens',
    'identities',
    'chapters',
    'book_isbns',
    'books',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
