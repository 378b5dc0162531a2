import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../lib/shared/api';
import { buildApp } from '../../server/app';
import { call } from './client';
import { startCanonServer, type CanonServerHandle } from './harness';

describe('OpenAPI document', () => {
  let server: CanonServerHandle;
  beforeAll(async () => {
    server = await startCanonServer();
  });
  afterAll(() => server?.stop());

  it('lists every route the app serves, and no route it does not', async () => {
    const doc = (await call(server.api, 'GET', '/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set<string>();
    for (const [path, methods] of Object.entries(doc.paths as Record<string, object>)) {
      for (const method of Object.keys(methods)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    const served = new Set(
      buildApp(server.server.deps)
        .routes.filter((r) => r.path.startsWith(API_PREFIX) && r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path.slice(API_PREFIX.length).replace(/:(\w+)/g, '{$1}')}`),
    );
    expect(served.size).toBeGreaterThan(20);
    expect([...served].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !served.has(r))).toEqual([]);
  });

  it('describes request bodies with the contract schemas and their limits', async () => {
    const doc = (await call(server.api, 'GET', '/openapi.json')).body;
    const register = doc.paths['/identities'].post.requestBody.content['application/json'].schema;
    expect(register.properties.email).toMatchObject({ type: 'string', maxLength: 254 });
    const comment = doc.paths['/books/{id}/comments'].post;
    expect(comment.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
    expect(
      doc.paths['/books/{id}/rating'].put.requestBody.content['application/json'].schema.properties.value.enum,
    ).toHaveLength(10);
  });
});
