/**
 * Answers what Node's HTTP parser refuses before the app ever sees a request
 * (headers beyond Node's own limit, a malformed request line, a request that
 * took longer than the request timeout) with the same JSON error body as
 * everything else. The parser cannot continue on such a connection, so it is
 * closed after the answer; headers over the app's own, lower limit get a 431
 * from the app instead, on a connection that stays open.
 */
import type { Duplex } from 'node:stream';
import type { ErrorCode } from '../../lib/shared/api';
import type { Log } from '../log';
import { errorBody } from '../security/errors';

type ParserError = Error & { code?: string };

const ANSWERS: Record<string, [number, string, ErrorCode, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'headers_too_large', 'Request headers are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'request_timeout', 'The request took too long to arrive.'],
};
const MALFORMED: [number, string, ErrorCode, string] = [400, 'Bad Request', 'bad_request', 'Malformed HTTP request.'];

/** The client hung up, mid-request or mid-body: nobody to answer, and the app logs an unfinished body itself. */
const CLIENT_GONE = new Set(['ECONNRESET', 'HPE_INVALID_EOF_STATE']);

export function answerClientError(error: ParserError, socket: Duplex, log: Log): void {
  // As Node itself does: nothing can be written once a response has begun, or to a socket that is gone.
  const response = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (CLIENT_GONE.has(error.code ?? '') || !socket.writable || response?.headersSent === true) {
    socket.destroy();
    return;
  }
  const [status, reason, code, message] = ANSWERS[error.code ?? ''] ?? MALFORMED;
  log.info(`refused by the HTTP parser: ${error.code ?? error.message} (${status})`);
  const body = errorBody(code, message);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  );
}
