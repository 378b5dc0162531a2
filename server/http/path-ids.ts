/**
 * Ids in request paths, checked before they reach a query: a book id is a
 * slug, comment and nomination ids are UUIDs. Anything else (a NUL byte,
 * which PostgreSQL cannot even compare, or any other stray character) is a
 * 400 with a JSON error on both databases, never a 500.
 */
import type { Context } from 'hono';
import { ApiError } from '../security/errors';

const BOOK_ID = /^[a-z0-9-]+$/;
const BOOK_ID_MAX = 80;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function param(c: Context, name: string): string {
  return c.req.param(name) ?? '';
}

export function bookIdParam(c: Context, name = 'id'): string {
  const id = param(c, name);
  if (id.length > BOOK_ID_MAX || !BOOK_ID.test(id)) {
    throw new ApiError(400, 'validation_failed', 'Book ids are lower-case letters, digits and hyphens.');
  }
  return id;
}

export function uuidParam(c: Context, what: string, name = 'id'): string {
  const id = param(c, name).toLowerCase();
  if (!UUID.test(id)) throw new ApiError(400, 'validation_failed', `${what} ids are UUIDs.`);
  return id;
}
