// `npm start`: the canon server on 127.0.0.1:8787 (SQLite under ./data,
// seeded on first start) and the extension in a development browser pointed
// at it. Ctrl+C stops both.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildCanonOrigin } from '../lib/shared/settings/defaults';

const root = path.resolve(import.meta.dirname, '..');
const canonUrl = buildCanonOrigin(process.env);
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const children: ChildProcess[] = [];

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    console.log(`[start] ${label} exited (${signal ?? code})`);
    stopAll(code ?? 0);
  });
  children.push(child);
  return child;
}

function stopAll(code: number): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

if (existsSync(path.join(root, 'server/main.ts'))) {
  const { port, hostname } = new URL(canonUrl);
  run('canon server', bin('tsx'), ['server/main.ts', 'serve'], { HOST: hostname, PORT: port || '8787' });
}
run('extension (wxt dev)', bin('wxt'), [], { WXT_CANON_URL: canonUrl });
