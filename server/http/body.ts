/** Reads and validates a JSON request body against its contract schema. */
import type { Context } from 'hono';
import * as v from 'valibot';
import { ApiError } from '../security/errors';

export type JsonBody<T> = { value: T; raw: string };

/**
 * Only `application/json` is accepted for writes: an HTML form cannot send
 * it, which closes cross-site form posts without tokens.
 */
export async function readJson<S extends v.GenericSchema>(c: Context, schema: S): Promise<JsonBody<v.InferOutput<S>>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  const raw = await c.req.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ApiError(400, 'bad_request', 'The body is not valid JSON.');
  }
  const result = v.safeParse(schema, parsed);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new ApiError(400, 'validation_failed', path === '' ? issue.message : `${path}: ${issue.message}`);
  }
  return { value: result.output, raw };
}

/** Validates a query or path value with a schema, answering 400 when it does not fit. */
export function readParam<S extends v.GenericSchema>(schema: S, value: unknown, name: string): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (!result.success) throw new ApiError(400, 'validation_failed', `${name}: ${result.issues[0].message}`);
  return result.output;
}
