/** Base path of every API route. */
export const API_PREFIX = '/api/v1';

/** Machine-readable codes of `{error: {code, message}}` bodies. */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'idempotency_key_missing',
  'idempotency_key_reused',
  'idempotency_in_progress',
  'payload_too_large',
  'headers_too_large',
  'request_timeout',
  'unsupported_media_type',
  'rate_limited',
  'token_invalid',
  'internal',
  'unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
