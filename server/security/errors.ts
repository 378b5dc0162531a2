/**
 * Every failure leaves the server as JSON `{error: {code, message}}` with a
 * fitting status; unexpected ones are logged and answered without detail.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../../lib/shared/api';

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

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found.`);

export function errorResponse(c: Context, error: unknown, log: (message: string) => void) {
  if (error instanceof ApiError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return c.json({ error: { code: error.code, message: error.message } }, error.status);
  }
  log(
    `unexpected error on ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return c.json({ error: { code: 'internal', message: 'Something went wrong on the server.' } }, 500);
}
