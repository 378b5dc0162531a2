/** Serves the OpenAPI document. */
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../deps';
import { openApiDocument } from '../openapi/document';

export function openApiRoutes(deps: Deps) {
  return new Hono<AppEnv>().get('/openapi.json', (c) =>
    c.json(openApiDocument(deps.config.publicUrl, deps.config.rateLimits)),
  );
}
