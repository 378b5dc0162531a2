/** Reads and validates a JSON request body against its contract schema. */
import type { Context } from 'hono';
import * as v from 'valibot';
import { ApiError, BodyNotReceived } from '../security/errors';

export type JsonBody<T> = { value: T; raw: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Only `application/json` is accepted for writes: an HTML form cannot send
 * it, which closes cross-site form posts without tokens. JSON is UTF-8
 * (RFC 8259): a declared other charset is refused with 415 and bytes that
 * are not UTF-8 with 400, rather than being stored as U+FFFD.
 */
function checkContentType(header: string): void {
  const [type = '', ...params] = header.split(';').map((p) => p.trim());
  if (type.toLowerCase() !== 'application/json') {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  for (const param of params) {
    const [name = '', value = ''] = param.split('=').map((p) => p.trim());
    const charset = value.replace(/^"(.*)"$/, '$1').toLowerCase();
    if (name.toLowerCase() === 'charset' && charset !== 'utf-8' && charset !== 'utf8') {
      throw new ApiError(415, 'unsupported_media_type', 'JSON bodies must be UTF-8 (charset=utf-8 or none).');
    }
  }
}

async function bodyText(c: Context): Promise<string> {
  let bytes: ArrayBuffer;
  try {
    bytes = await c.req.arrayBuffer();
  } catch (error) {
    // The body limit refuses an oversized stream with its own error; anything else here is a client gone away.
    if (error instanceof ApiError) throw error;
    throw new BodyNotReceived();
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ApiError(400, 'bad_request', 'The body is not valid UTF-8.');
  }
}

export async function readJson<S extends v.GenericSchema>(c: Context, schema: S): Promise<JsonBody<v.InferOutput<S>>> {
  checkContentType(c.req.header('content-type') ?? '');
  const raw = await bodyText(c);
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
