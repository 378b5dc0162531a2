/** Server configuration from the environment, checked once at start with clear errors. */
import { canonicalEmail, DEFAULT_CANON_DESCRIPTION, DEFAULT_CANON_NAME } from '../lib/shared/api';
import { DEFAULT_RATE_LIMITS, REQUEST_TIMEOUT_MS, UNLIMITED_RATE_LIMITS, type RateLimits } from './limits';

export type Config = {
  host: string;
  port: number;
  /** Set: PostgreSQL. Unset: SQLite at `sqlitePath`. */
  databaseUrl: string | null;
  sqlitePath: string;
  /** Unset: mails are written to `mailDir` and their links logged. */
  smtpUrl: string | null;
  mailDir: string;
  mailFrom: string;
  /** Base of links in e-mails, e.g. https://canon.example.org */
  publicUrl: string;
  /** Unset: moderation routes answer 403. */
  adminToken: string | null;
  /** Addresses (as `canonicalEmail` compares them) that may sign in to the moderator's desk at /admin. */
  moderatorEmails: string[];
  /** Proxies in front of the server whose X-Forwarded-For entries are trusted; 0 ignores the header. */
  trustProxyHops: number;
  /** Web origins allowed besides extension origins. */
  corsOrigins: string[];
  rateLimits: RateLimits;
  /** Headers and body of a request must arrive within this. */
  requestTimeoutMs: number;
  /** What the canon calls itself on pages, in mails and in the API. */
  canonName: string;
  /** One paragraph saying what the canon gathers. */
  canonDescription: string;
};

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

function text(env: Env, name: string, fallback: string, max: number): string {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return fallback;
  const control = [...raw].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
  if (raw.length > max || control) {
    throw new ConfigError(`${name} must be one line of at most ${max} characters`);
  }
  return raw;
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.join(' or ')}`);
  }
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const host = env.HOST || '127.0.0.1';
  const port = integer(env, 'PORT', 8787, 0, 65_535);
  const adminToken = env.ADMIN_TOKEN || null;
  // Any token a shell or a password generator makes (base64 with +/= included) works, as long as
  // it can travel in an Authorization header unchanged: visible ASCII, no spaces.
  if (adminToken !== null && !/^[\x21-\x7e]{24,512}$/.test(adminToken)) {
    throw new ConfigError(
      'ADMIN_TOKEN must be 24 to 512 visible ASCII characters without spaces (e.g. `openssl rand -base64 32`)',
    );
  }
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) {
      throw new ConfigError(`CORS_ORIGINS entry "${origin}" must be scheme://host[:port]`);
    }
  }
  const moderatorEmails = (env.MODERATOR_EMAILS ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  for (const email of moderatorEmails) {
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new ConfigError(`MODERATOR_EMAILS entry "${email}" is not an address`);
  }
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://${host}:${port}`;
  return {
    host,
    port,
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    sqlitePath: env.SQLITE_PATH || './data/canon.sqlite',
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailDir: env.MAIL_DIR || './data/mail',
    mailFrom: env.MAIL_FROM || 'Bookside canon <canon@localhost>',
    publicUrl: publicUrl.replace(/\/+$/, ''),
    adminToken,
    moderatorEmails: [...new Set(moderatorEmails.map(canonicalEmail))],
    trustProxyHops: integer(env, 'TRUST_PROXY_HOPS', 0, 0, 10),
    corsOrigins,
    // Only for load measurements from one loopback address; never in production.
    rateLimits: env.BENCH_UNLIMITED === '1' ? UNLIMITED_RATE_LIMITS : DEFAULT_RATE_LIMITS,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    canonName: text(env, 'CANON_NAME', DEFAULT_CANON_NAME, 120),
    canonDescription: text(env, 'CANON_DESCRIPTION', DEFAULT_CANON_DESCRIPTION, 2000),
  };
}
