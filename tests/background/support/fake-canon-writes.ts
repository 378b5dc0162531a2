/**
 * A fake canon server at the fetch edge, for the outbox model: it commits
 * each Idempotency-Key once (replaying the stored answer on a retry, as the
 * real server does) and can be told to fail in the ways networks and servers
 * fail: down, 5xx, 429 with Retry-After, an answer lost after the commit, and
 * a request that never returns because the worker was killed.
 */
export type Fault =
  | { kind: 'down' }
  | { kind: '5xx' }
  | { kind: '429'; retryAfterS: number }
  | { kind: 'lost' }
  | { kind: 'hang'; committed: boolean };

export interface Commit {
  key: string;
  path: string;
  body: string;
}

export class FakeCanonWrites {
  networkDown = false;
  faults: Fault[] = [];
  commits: Commit[] = [];
  /** Requests that arrived without an identity. */
  anonymous = 0;
  private answered = new Map<string, number>();
  private onHang: (() => void) | null = null;

  /** Resolves when a request hangs (the worker is "killed" mid-request). */
  hung(): Promise<void> {
    return new Promise((resolve) => (this.onHang = resolve));
  }

  readonly fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    await Promise.resolve();
    const headers = new Headers(init?.headers);
    const key = headers.get('Idempotency-Key');
    if (this.networkDown) throw new TypeError('Failed to fetch');
    const fault = this.faults.shift();
    if (fault?.kind === 'down') throw new TypeError('Failed to fetch');
    if (fault?.kind === '5xx') return json(503, { error: { code: 'internal', message: 'unavailable' } });
    if (fault?.kind === '429') {
      return json(
        429,
        { error: { code: 'rate_limited', message: 'slow down' } },
        { 'Retry-After': String(fault.retryAfterS) },
      );
    }
    if (headers.get('Authorization') === null) {
      this.anonymous++;
      return json(401, { error: { code: 'unauthorized', message: 'no identity' } });
    }
    if (key === null) return json(400, { error: { code: 'idempotency_key_missing', message: 'key' } });
    const body = String(init?.body ?? '');
    if (body.includes('POISON')) return json(422, { error: { code: 'validation_failed', message: 'refused' } });
    if (!this.answered.has(key)) {
      if (fault?.kind !== 'hang' || fault.committed) {
        this.commits.push({ key, path: new URL(input).pathname, body });
        this.answered.set(key, 201);
      }
    }
    if (fault?.kind === 'hang') {
      this.onHang?.();
      return new Promise<Response>(() => {});
    }
    if (fault?.kind === 'lost') throw new TypeError('Failed to fetch');
    return json(201, { id: key });
  };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}
