/**
 * Requests to the canon server. Every answer is validated against the shared
 * contract (lib/shared/api) before anything trusts it, and every failure comes
 * back as a value the outbox and the handlers can classify.
 */
import * as v from 'valibot';
import { API_PREFIX, ErrorBody } from '../../shared/api';
import type { FetchLike } from '../core/context';
import { fail, type Result } from '../../shared/messages/result';
import { CANON_REQUEST_TIMEOUT_MS } from '../core/limits';

export interface CanonRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under /api/v1, built by lib/background/canon-client/routes; never a caller-supplied URL. */
  path: string;
  /** The exact JSON text to send; kept as text so a retry sends the same bytes. */
  body?: string | null;
  secret?: string | null;
  idempotencyKey?: string;
}

export type CanonResponse<T> =
  | { kind: 'ok'; status: number; value: T }
  | { kind: 'http'; status: number; code: string; message: string; retryAfterMs: number | null }
  | { kind: 'network'; message: string }
  | { kind: 'invalid-response'; status: number; message: string };

export async function canonRequest<S extends v.GenericSchema>(
  fetchFn: FetchLike,
  server: string,
  request: CanonRequest,
  schema: S,
): Promise<CanonResponse<v.InferOutput<S>>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (request.body != null) headers['Content-Type'] = 'application/json';
  if (request.secret != null) headers.Authorization = `Bearer ${request.secret}`;
  if (request.idempotencyKey !== undefined) headers['Idempotency-Key'] = request.idempotencyKey;
  let response: Response;
  let text: string;
  try {
    response = await fetchFn(`${server}${API_PREFIX}${request.path}`, {
      method: request.method,
      headers,
      body: request.body ?? undefined,
      credentials: 'omit',
      signal: AbortSignal.timeout(CANON_REQUEST_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
  }
  const json = parseJson(text);
  if (!response.ok) {
    const body = v.safeParse(ErrorBody, json);
    return {
      kind: 'http',
      status: response.status,
      code: body.success ? body.output.error.code : 'http_error',
      message: body.success ? body.output.error.message : `The canon server answered ${response.status}.`,
      retryAfterMs: retryAfterMs(response.headers.get('Retry-After')),
    };
  }
  const parsed = v.safeParse(schema, json);
  if (!parsed.success) {
    return {
      kind: 'invalid-response',
      status: response.status,
      message: `Unexpected answer from the canon server: ${parsed.issues[0]?.message ?? 'invalid'}`,
    };
  }
  return { kind: 'ok', status: response.status, value: parsed.output };
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? null : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `Retry-After` as delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** A failed canon answer as a message error the pages can tell apart. */
export function failureOf<T>(response: Exclude<CanonResponse<unknown>, { kind: 'ok' }>): Result<T> {
  switch (response.kind) {
    case 'network':
      return fail('network', 'The canon server cannot be reached.');
    case 'invalid-response':
      return fail('server', response.message);
    case 'http':
      return fail(
        response.status === 429 ? 'rate-limited' : response.status === 404 ? 'not-found' : 'server',
        response.message,
      );
  }
}
