/**
 * Starts the real canon server on an ephemeral loopback port, with a fresh
 * database (a temp SQLite file, or a new PostgreSQL database when
 * DATABASE_URL is set and asked for) and a real SMTP receiver that captures
 * every mail. The extension's own tests reuse `startCanonServer`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { freshPostgresDatabase } from '../../scripts/server-process';
import { loadConfig, type Config } from '../../server/config';
import { openDatabase, type CanonDb } from '../../server/db/connect';
import { migrationProvider } from '../../server/db/migrations/index';
import type { RateLimits } from '../../server/limits';
import { startServer, type RunningServer } from '../../server/start';

export { freshPostgresDatabase };

export type Backend = 'sqlite' | 'postgres';

/**
 * A fresh database on `backend` migrated only up to `migration`, for tests of
 * the migrations after it. What to undo is pushed onto `cleanups`.
 */
export async function openDatabaseAt(
  backend: string,
  migration: string,
  cleanups: (() => Promise<void>)[],
): Promise<CanonDb> {
  let databaseUrl: string | null = null;
  const dir = await mkdtemp(join(tmpdir(), 'canon-migration-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  if (backend === 'postgres') {
    const fresh = await freshPostgresDatabase(process.env.DATABASE_URL ?? '');
    cleanups.push(fresh.drop);
    databaseUrl = fresh.url;
  }
  const { db } = openDatabase({ databaseUrl, sqlitePath: join(dir, 'canon.sqlite') });
  cleanups.unshift(() => db.destroy());
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo(migration);
  if (error !== undefined) throw error;
  return db;
}
/** `text` is the decoded mail (headers and body), `subject` its decoded subject. */
export type CapturedMail = { to: string[]; raw: string; text: string; subject: string; link: string | null };

/** Budgets so large that only the dedicated rate-limit tests ever meet a limit. */
const UNLIMITED = { limit: 1_000_000, windowMs: 60_000 };
export const NO_RATE_LIMITS: RateLimits = {
  readsPerIp: UNLIMITED,
  writesPerIp: UNLIMITED,
  writesPerIdentity: UNLIMITED,
  commentsPerIdentity: UNLIMITED,
  registrationsPerIp: UNLIMITED,
  mailsPerAddressPerClient: UNLIMITED,
  mailsPerAddress: UNLIMITED,
  mailsPerClient: UNLIMITED,
};

/** The backends this run covers: SQLite always, PostgreSQL when DATABASE_URL is set. */
export function backends(): Backend[] {
  if (process.env.DATABASE_URL) return ['sqlite', 'postgres'];
  if (!backendNoticePrinted) {
    console.log('DATABASE_URL is not set: the PostgreSQL half of the server suite is skipped.');
    backendNoticePrinted = true;
  }
  return ['sqlite'];
}
let backendNoticePrinted = false;

/** Undoes quoted-printable soft breaks and escapes, enough to read a link out of a plain-text mail. */
/** Quoted-printable to bytes: `=XX` is one byte, `=` at a line end a soft break. */
function quotedPrintableBytes(text: string): Buffer {
  const bytes: number[] = [];
  const joined = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? /^[0-9A-F]{2}$/i.exec(joined.slice(i + 1, i + 3))?.[0] : undefined;
    if (hex !== undefined) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i] ?? '', 'utf8'));
  }
  return Buffer.from(bytes);
}

/**
 * RFC 2047 encoded words ("=?UTF-8?B?…?=") in a header. Adjacent words are one
 * run of bytes: a mailer may split a character's bytes between two of them.
 */
function decodeHeaderWords(value: string): string {
  const word = /=\?UTF-8\?([BQ])\?([^?]*)\?=/gi;
  return value.replace(/=\?UTF-8\?[BQ]\?[^?]*\?=(?:\s+=\?UTF-8\?[BQ]\?[^?]*\?=)*/gi, (run) => {
    const bytes = [...run.matchAll(word)].map(([, kind = 'B', data = '']) =>
      kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : quotedPrintableBytes(data.replace(/_/g, ' ')),
    );
    return Buffer.concat(bytes).toString('utf8');
  });
}

/** The mail as a reader sees it: headers with encoded words decoded, then the body in UTF-8. */
function readableMail(raw: string): { text: string; subject: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = (split < 0 ? raw : raw.slice(0, split)).replace(/\r?\n[ \t]+/g, ' ');
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
  const decoded =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? quotedPrintableBytes(body).toString('utf8')
        : body;
  const headers = decodeHeaderWords(head);
  return { text: `${headers}\n\n${decoded}`, subject: /^Subject: (.*)$/im.exec(headers)?.[1] ?? '' };
}

export type Mailbox = {
  /** smtp:// address of the receiver. */
  url: string;
  mails: CapturedMail[];
  /** Resolves with the next mail to `to`, compared case-insensitively (or one already captured and not yet taken). */
  nextMail(to: string): Promise<CapturedMail>;
  close(): Promise<void>;
};

/** A real SMTP receiver on loopback that keeps every mail it is given. */
export async function startMailbox(): Promise<Mailbox> {
  const mails: CapturedMail[] = [];
  const taken = new Set<CapturedMail>();
  const waiters = new Set<() => void>();
  const smtp = await startSmtpReceiver(mails, () => waiters.forEach((w) => w()));
  function nextMail(to: string): Promise<CapturedMail> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no mail to ${to} arrived`));
      }, 10_000);
      function check() {
        const mail = mails.find((m) => !taken.has(m) && m.to.some((t) => t.toLowerCase() === to.toLowerCase()));
        if (mail === undefined) return;
        taken.add(mail);
        clearTimeout(timer);
        waiters.delete(check);
        resolve(mail);
      }
      waiters.add(check);
      check();
    });
  }
  return { url: smtp.url, mails, nextMail, close: smtp.close };
}

async function startSmtpReceiver(mails: CapturedMail[], onMail: () => void) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const { text, subject } = readableMail(raw);
        const link = /https?:\/\/[^\s]+\/confirm\/[A-Za-z0-9_-]+/.exec(text)?.[0] ?? null;
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, text, subject, link });
        onMail();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type CanonServerHandle = {
  url: string;
  api: string;
  mails: CapturedMail[];
  /** Resolves with the next mail to `to`, compared case-insensitively (or one already captured and not yet taken). */
  nextMail(to: string): Promise<CapturedMail>;
  clock: { now(): number; advance(ms: number): void };
  server: RunningServer;
  stop(): Promise<void>;
};

export async function startCanonServer(
  options: { backend?: Backend; config?: Partial<Config>; log?: (line: string) => void } = {},
): Promise<CanonServerHandle> {
  const backend = options.backend ?? 'sqlite';
  const smtp = await startMailbox();
  const dir = await mkdtemp(join(tmpdir(), 'canon-test-'));
  let drop: (() => Promise<void>) | null = null;
  let databaseUrl: string | null = null;
  if (backend === 'postgres') {
    const base = process.env.DATABASE_URL;
    if (!base) throw new Error('the postgres backend needs DATABASE_URL');
    const fresh = await freshPostgresDatabase(base);
    databaseUrl = fresh.url;
    drop = fresh.drop;
  }
  let offset = 0;
  const clock = { now: () => Date.now() + offset, advance: (ms: number) => void (offset += ms) };
  const config: Config = {
    ...loadConfig({}),
    port: 0,
    databaseUrl,
    sqlitePath: join(dir, 'canon.sqlite'),
    mailDir: join(dir, 'mail'),
    smtpUrl: smtp.url,
    rateLimits: NO_RATE_LIMITS,
    ...options.config,
  };
  const server = await startServer({ config, clock, log: options.log ?? (() => {}) });

  return {
    url: server.url,
    api: `${server.url}/api/v1`,
    mails: smtp.mails,
    nextMail: smtp.nextMail,
    clock,
    server,
    async stop() {
      await server.stop();
      await smtp.close();
      await drop?.();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
