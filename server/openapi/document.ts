/** The OpenAPI 3.1 document, generated from the contract schemas in lib/shared/api. */
import { toJsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import { API_PREFIX, ErrorBody, LIMITS } from '../../lib/shared/api';
import { IDEMPOTENCY_KEY_TTL_MS } from '../limits';
import { ROUTE_DOCS } from './routes';

// Transforms and custom checks have no JSON Schema form; their rules are in the descriptions and LIMITS.
const schema = (s: GenericSchema) => toJsonSchema(s, { errorMode: 'ignore', target: 'draft-2020-12' });
const errorContent = { 'application/json': { schema: schema(ErrorBody) } };

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTE_DOCS) {
    const parameters: unknown[] = [];
    for (const match of route.path.matchAll(/\{(\w+)\}/g)) {
      parameters.push({ name: match[1], in: 'path', required: true, schema: { type: 'string' } });
    }
    for (const [name, description] of Object.entries(route.query ?? {})) {
      parameters.push({ name, in: 'query', required: false, description, schema: { type: 'string' } });
    }
    if (route.idempotencyKey) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        description: `A unique key per write (a UUID). Retries with the same key and body get the stored answer for ${IDEMPOTENCY_KEY_TTL_MS / 3_600_000} h; another body gets 422.`,
        schema: { type: 'string', maxLength: LIMITS.idempotencyKeyMax },
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
    (paths[route.path] ??= {})[route.method] = {
      summary: route.summary,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.request !== undefined
        ? { requestBody: { required: true, content: { 'application/json': { schema: schema(route.request) } } } }
        : {}),
      ...(security.length > 0 ? { security } : {}),
      responses: { [String(route.status)]: success, default: { description: 'Error', content: errorContent } },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Bookside canon API',
      version: '1.0.0',
      description: `Limits: ${JSON.stringify(LIMITS)}. Every error is {error: {code, message}}. Text is stored and returned verbatim; clients render it as text.`,
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
