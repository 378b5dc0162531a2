/**
 * The OpenAPI 3.1 document, generated from the contract schemas in
 * lib/shared/api and the server's own limits, so what it says is what the
 * server enforces.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import { API_PREFIX, ErrorBody, LIMITS } from '../../lib/shared/api';
import {
  IDEMPOTENCY_KEY_TTL_MS,
  REQUEST_HEADERS_MAX_BYTES,
  REQUEST_TIMEOUT_MS,
  type RateLimitRule,
  type RateLimits,
} from '../limits';
import { ROUTE_DOCS, type RouteDoc } from './routes';

// Transforms and custom checks have no JSON Schema form; their rules are in the descriptions and LIMITS.
const schema = (s: GenericSchema) => toJsonSchema(s, { errorMode: 'ignore', target: 'draft-2020-12' });
const errorContent = { 'application/json': { schema: schema(ErrorBody) } };

/** What each budget counts, for people reading the document. */
const BUDGET_NAMES: Record<keyof RateLimits, string> = {
  readsPerIp: 'reads per client address',
  writesPerIp: 'writes per client address',
  writesPerIdentity: 'writes per reader (a person counts once across their browsers)',
  commentsPerIdentity: 'comments per reader',
  registrationsPerIp: 'registrations per client address',
  mailsPerAddressPerClient: 'confirmation mails per address asked for by one client',
  mailsPerAddress: 'confirmation mails per address from all clients',
  mailsPerClient: 'confirmation mails asked for by one client',
};

function rule(r: RateLimitRule): string {
  const minutes = r.windowMs / 60_000;
  return `${r.limit} per ${minutes === 60 ? 'hour' : minutes === 1 ? 'minute' : `${minutes} minutes`}`;
}

function budgetsOf(route: RouteDoc): (keyof RateLimits)[] {
  const reading = route.method === 'get' || route.path === '/books/lookup';
  return [reading ? 'readsPerIp' : 'writesPerIp', ...(route.budgets ?? [])];
}

function rateLimited(budgets: (keyof RateLimits)[], limits: RateLimits) {
  return {
    description: `Too many requests: ${budgets.map((b) => `${BUDGET_NAMES[b]} (${rule(limits[b])})`).join('; ')}. Budgets are fixed windows opened by the first request and shared by every server process.`,
    headers: {
      'Retry-After': {
        description: 'Seconds until the spent budget opens again.',
        schema: { type: 'integer', minimum: 1 },
      },
    },
    content: errorContent,
  };
}

export function openApiDocument(serverUrl: string, limits: RateLimits) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTE_DOCS) {
    const parameters: unknown[] = [];
    for (const match of route.path.matchAll(/\{(\w+)\}/g)) {
      const description =
        match[1] === 'id' && route.path.startsWith('/books')
          ? 'Book id: lower-case letters, digits and hyphens (anything else is a 400)'
          : 'A UUID (anything else is a 400)';
      parameters.push({ name: match[1], in: 'path', required: true, description, schema: { type: 'string' } });
    }
    for (const [name, description] of Object.entries(route.query ?? {})) {
      parameters.push({ name, in: 'query', required: false, description, schema: { type: 'string' } });
    }
    if (route.idempotencyKey) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        description: `A unique key per write (a UUID), 1–${LIMITS.idempotencyKeyMax} visible ASCII characters. Retries with the same key and body get the stored answer for ${IDEMPOTENCY_KEY_TTL_MS / 3_600_000} h and are not charged to any budget again; the same key with another body gets 422, no key 400, a retry while the first is still running 409.`,
        schema: { type: 'string', minLength: 1, maxLength: LIMITS.idempotencyKeyMax },
      });
    }
    const success =
      route.response !== undefined
        ? { description: 'OK', content: { 'application/json': { schema: schema(route.response) } } }
        : route.contentType !== undefined
          ? { description: 'OK', content: { [route.contentType]: { schema: { type: 'string' } } } }
          : { description: 'OK' };
    const security =
      route.auth === 'identity'
        ? [{ identitySecret: [] }]
        : route.auth === 'admin'
          ? [{ adminToken: [] }]
          : route.auth === 'identity-optional'
            ? [{}, { identitySecret: [] }]
            : [];
    const bodyErrors =
      route.request === undefined
        ? {}
        : {
            '400': { description: 'Not valid UTF-8 JSON, or not what the schema allows.', content: errorContent },
            '413': { description: `The body is over ${LIMITS.bodyBytesMax} bytes.`, content: errorContent },
            '415': {
              description: 'Not application/json, or a charset other than UTF-8.',
              content: errorContent,
            },
          };
    (paths[route.path] ??= {})[route.method] = {
      summary: route.summary,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.request !== undefined
        ? { requestBody: { required: true, content: { 'application/json': { schema: schema(route.request) } } } }
        : {}),
      ...(security.length > 0 ? { security } : {}),
      responses: {
        [String(route.status)]: success,
        ...bodyErrors,
        '429': rateLimited(budgetsOf(route), limits),
        default: { description: 'Error', content: errorContent },
      },
    };
  }
  const budgets = (Object.keys(BUDGET_NAMES) as (keyof RateLimits)[])
    .map((b) => `${BUDGET_NAMES[b]}: ${rule(limits[b])}`)
    .join('; ');
  return {
    openapi: '3.1.0',
    info: {
      title: 'Bookside canon API',
      version: '1.0.0',
      description: [
        `Input limits: ${JSON.stringify(LIMITS)} (lengths in Unicode code points; bodyBytesMax in bytes).`,
        `Request headers at most ${REQUEST_HEADERS_MAX_BYTES} bytes (431); headers and body must arrive within ${REQUEST_TIMEOUT_MS / 1000} s (408).`,
        `Rate limits (429 with Retry-After): ${budgets}.`,
        'Every error is JSON {error: {code, message}}. Bodies are UTF-8 JSON. Text is stored and returned verbatim; clients render it as text.',
        'E-mail addresses are compared trimmed and case-insensitively (local part included); identities confirmed with one address are one person, and ratings, tags, flags and seconds count once per person.',
      ].join(' '),
    },
    servers: [{ url: `${serverUrl}${API_PREFIX}` }],
    components: {
      securitySchemes: {
        identitySecret: {
          type: 'http',
          scheme: 'bearer',
          description: 'The secret returned once by POST /identities.',
        },
        adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN from the server environment.' },
      },
    },
    paths,
  };
}
