/**
 * The canon server as a real child process (`server/main.ts serve`), as an
 * operator runs it behind a load balancer, and throw-away PostgreSQL
 * databases to run it on. Used by the multi-process tests and by
 * `npm run server:backup-check`. Ports come from 18900–18999.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';

const PORT_FIRST = 18_900;
const PORT_LAST = 18_999;
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;
let nextPort = PORT_FIRST + (process.pid % (PORT_LAST - PORT_FIRST + 1));

export type ServerProcess = {
  url: string;
  api: string;
  /** Every line the process wrote to stdout and stderr. */
  output: string[];
  child: ChildProcess;
  stop(): Promise<void>;
};

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  for (let tries = 0; tries <= PORT_LAST - PORT_FIRST; tries++) {
    const port = nextPort;
    nextPort = nextPort >= PORT_LAST ? PORT_FIRST : nextPort + 1;
    if (await portIsFree(port)) return port;
  }
  throw new Error(`no free port in ${PORT_FIRST}–${PORT_LAST}`);
}

function launch(env: Record<string, string>, port: number): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const handle: ServerProcess = {
    url,
    api: `${url}/api/v1`,
    output,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void handle.stop();
      reject(new Error(`server on ${port} did not start:\n${output.join('\n')}`));
    }, START_TIMEOUT_MS);
    const onLine = (chunk: Buffer) => {
      for (const line of chunk
        .toString()
        .split('\n')
        .filter((l) => l !== '')) {
        output.push(line);
        if (line.includes(`listening on ${url}`)) {
          clearTimeout(timer);
          resolve(handle);
        }
      }
    };
    child.stdout?.on('data', onLine);
    child.stderr?.on('data', onLine);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`server on ${port} exited with ${code}:\n${output.join('\n')}`), { output }));
    });
  });
}

/** Starts one server process with `env` (DATABASE_URL or SQLITE_PATH, SMTP_URL, …) and resolves once it listens. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return await launch(env, port);
    } catch (error) {
      // Another program took the port between the probe and the listen: try the next one.
      const output = (error as { output?: string[] }).output ?? [];
      if (attempt < 5 && output.some((l) => l.includes('EADDRINUSE'))) continue;
      throw error;
    }
  }
}

/** A fresh PostgreSQL database on the server of `baseUrl`, and how to drop it again. */
export async function freshPostgresDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `canon_test_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
