/**
 * Every failure leaves the server as JSON `{error: {code, message}}` with a
 * fitting status; unexpected ones are logged (on one line) and answered
 * without detail.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../../lib/shared/api';
import type { Log } from '../log';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The client went away (or stalled) while sending its body: nothing to answer, worth one info line. */
export class BodyNotReceived extends ApiError {
  constructor() {
    super(400, 'bad_request', 'The request body was not received in full.');
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found.`);

export function errorBody(code: ErrorCode, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

/**
 * Database errors that mean the request, not the server, was wrong or that
 * the database is briefly overloaded. Inputs are validated before they reach
 * a query; this is the net under that.
 */
function databaseError(error: unknown): ApiError | null {
  const code = typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code) : '';
  // PostgreSQL: 22021 a NUL or invalid byte in text, 22P05 an untranslatable character.
  if (code === '22021' || code === '22P05') {
    return new ApiError(400, 'validation_failed', 'Text must not contain NUL or invalid characters.');
  }
  // SQLite: another process held the write lock for longer than the busy timeout.
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new ApiError(503, 'unavailable', 'The database is busy; try again shortly.', { 'Retry-After': '1' });
  }
  return null;
}

export function errorResponse(c: Context, error: unknown, log: Log) {
  const known = error instanceof ApiError ? error : databaseError(error);
  if (known !== null) {
    if (known instanceof BodyNotReceived) log.info(`request body not received in full: ${c.req.method} ${c.req.path}`);
    for (const [name, value] of Object.entries(known.headers)) c.header(name, value);
    return c.json({ error: { code: known.code, message: known.message } }, known.status);
  }
  log.error(
    `unexpected error on ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return c.json({ error: { code: 'internal', message: 'Something went wrong on the server.' } }, 500);
}
