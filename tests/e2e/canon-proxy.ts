/**
 * A loopback HTTP proxy in front of the real canon server, where the e2e
 * build expects the server (E2E_CANON_URL). It forwards everything, and on
 * request it misbehaves the way real networks do: holds a matching request
 * (before or after the server has handled it) until released, drops the
 * connection, answers with an error status, or goes offline (refuses
 * connections). Every request is logged with its fate, so tests can tell
 * "arrived twice" from "stored twice".
 */
import http from 'node:http';

export interface ProxiedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  body: string;
  /** What happened: the upstream status relayed, or why nothing was relayed. */
  outcome: number | 'held-then-client-gone' | 'dropped' | 'injected';
}

/** Which requests a rule applies to. */
export type RequestMatch = (request: { method: string; path: string; body: string }) => boolean;

export interface HeldRequest {
  /** Resolves when a matching request is being held (after the server answered, for stage `response`). */
  arrived: Promise<ProxiedRequest>;
  /** Resolves when the client closed the connection while the request was held. */
  clientGone: Promise<void>;
  /** Lets the request continue (if its client is still there). */
  release(): void;
}

export type Misbehaviour = { kind: 'drop' } | { kind: 'status'; status: number; headers?: Record<string, string> };

export interface CanonProxy {
  url: string;
  log: ProxiedRequest[];
  /**
   * Holds the next matching request: at stage `request` before it reaches the
   * server, at stage `response` after the server answered but before the
   * client sees the answer.
   */
  holdNext(match: RequestMatch, stage: 'request' | 'response'): HeldRequest;
  /** The next `times` matching requests get `misbehaviour` instead of reaching the server. */
  misbehave(match: RequestMatch, misbehaviour: Misbehaviour, times?: number): void;
  /** Drops misbehaviour rules not used up yet. */
  behave(): void;
  /** Offline: connections are refused (the listener closes and open connections are cut). */
  setOffline(offline: boolean): Promise<void>;
  close(): Promise<void>;
}

interface HoldRule {
  match: RequestMatch;
  stage: 'request' | 'response';
  arrived: (request: ProxiedRequest) => void;
  clientGone: () => void;
  released: Promise<void>;
}

interface MisbehaveRule {
  match: RequestMatch;
  misbehaviour: Misbehaviour;
  remaining: number;
}

// Hop-by-hop headers are not relayed; bodies are relayed whole, with their own length.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

export async function startCanonProxy(listenUrl: string, upstreamUrl: string): Promise<CanonProxy> {
  const listen = new URL(listenUrl);
  const upstream = new URL(upstreamUrl);
  const log: ProxiedRequest[] = [];
  const holds: HoldRule[] = [];
  const misbehaviours: MisbehaveRule[] = [];

  const server = http.createServer(async (req, res) => {
    const body = await readAll(req);
    const entry: ProxiedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      idempotencyKey: headerValue(req.headers['idempotency-key']),
      body: body.toString('utf8'),
      outcome: 'dropped',
    };
    log.push(entry);
    const seen = { method: entry.method, path: entry.path, body: entry.body };

    const rule = misbehaviours.find((r) => r.remaining > 0 && r.match(seen));
    if (rule !== undefined) {
      rule.remaining--;
      if (rule.misbehaviour.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      entry.outcome = 'injected';
      res.writeHead(rule.misbehaviour.status, { 'content-type': 'application/json', ...rule.misbehaviour.headers });
      res.end(JSON.stringify({ error: { code: 'injected', message: 'Injected by the test proxy.' } }));
      return;
    }

    const holdIndex = holds.findIndex((h) => h.match(seen));
    const hold = holdIndex === -1 ? undefined : holds.splice(holdIndex, 1)[0];
    let clientGone = false;
    const gone = new Promise<void>((resolve) =>
      res.once('close', () => {
        if (res.writableFinished) return;
        clientGone = true;
        hold?.clientGone();
        resolve();
      }),
    );

    if (hold?.stage === 'request') {
      hold.arrived(entry);
      // A request whose client went away is never forwarded: the client cannot learn its answer.
      await Promise.race([hold.released, gone]);
      if (clientGone) {
        entry.outcome = 'held-then-client-gone';
        return;
      }
    }
    let answer: UpstreamAnswer;
    try {
      answer = await forward(upstream, req, body);
    } catch {
      req.socket.destroy();
      return;
    }
    if (hold?.stage === 'response') {
      hold.arrived({ ...entry, outcome: answer.status });
      await Promise.race([hold.released, gone]);
    }
    if (clientGone) {
      entry.outcome = 'held-then-client-gone';
      return;
    }
    entry.outcome = answer.status;
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });

  await listenOn(server, listen);

  return {
    url: listen.origin,
    log,
    holdNext(match, stage) {
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      let arrived: (request: ProxiedRequest) => void = () => {};
      let clientGone = () => {};
      const held: HeldRequest = {
        arrived: new Promise((resolve) => (arrived = resolve)),
        clientGone: new Promise((resolve) => (clientGone = resolve)),
        release,
      };
      holds.push({ match, stage, arrived, clientGone, released });
      return held;
    },
    misbehave(match, misbehaviour, times = 1) {
      misbehaviours.push({ match, misbehaviour, remaining: times });
    },
    behave() {
      misbehaviours.splice(0);
    },
    async setOffline(offline) {
      if (offline === !server.listening) return;
      if (!offline) return listenOn(server, listen);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
    async close() {
      holds.splice(0);
      if (!server.listening) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

interface UpstreamAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function forward(upstream: URL, req: http.IncomingMessage, body: Buffer): Promise<UpstreamAnswer> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (!HOP_BY_HOP.has(name) && typeof value === 'string') headers[name] = value;
  }
  headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const out = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent: false },
      async (answer) => {
        const answerHeaders: Record<string, string> = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (!HOP_BY_HOP.has(name) && typeof value === 'string') answerHeaders[name] = value;
        }
        resolve({ status: answer.statusCode ?? 502, headers: answerHeaders, body: await readAll(answer) });
      },
    );
    out.once('error', reject);
    out.end(body);
  });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

function headerValue(value: string | string[] | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

function listenOn(server: http.Server, at: URL): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(at.port), at.hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
