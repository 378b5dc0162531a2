/**
 * Replies cross contexts as values, never as thrown errors: an `Error` does
 * not survive structured cloning in every browser.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: MessageError };

export interface MessageError {
  /** Stable machine code (`invalid-payload`, `forbidden-sender`, `network`…). */
  code: string;
  /** A sentence a person can read. */
  message: string;
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
