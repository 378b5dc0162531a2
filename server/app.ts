/**
 * The canon HTTP app, built from injected dependencies so tests and the
 * benchmark run the same code on their own ports, databases and clocks.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { API_PREFIX, LIMITS } from '../lib/shared/api';
import type { AppEnv, Deps } from './deps';
import { REQUEST_HEADERS_MAX_BYTES } from './limits';
import { canonRoutes } from './routes/canon';
import { commentRoutes } from './routes/comments';
import { confirmationPage } from './routes/confirmation-page';
import { deskRoutes } from './routes/desk';
import { feedRoutes } from './routes/feeds';
import { healthRoutes } from './routes/health';
import { identityRoutes } from './routes/identities';
import { lookupRoutes } from './routes/lookup';
import { moderationRoutes } from './routes/moderation';
import { nominationRoutes } from './routes/nominations';
import { openApiRoutes } from './routes/openapi';
import { nominationPageRoutes } from './routes/nomination-pages';
import { pageRoutes } from './routes/pages';
import { readerInputRoutes } from './routes/reader-input';
import { clientAddress } from './security/client-address';
import { isAllowedOrigin } from './security/cors';
import { ApiError, errorResponse } from './security/errors';

/** POST routes that only read, counted against the read budget. */
const READ_ONLY_POSTS = new Set([`${API_PREFIX}/books/lookup`]);
/** Load balancers poll this; it is not part of anyone's budget. */
const UNMETERED = new Set(['/healthz']);
const CORS_MAX_AGE_S = 600;

function headerBytes(headers: Headers): number {
  let n = 0;
  for (const [name, value] of headers) n += name.length + value.length + 4;
  return n;
}

export function buildApp(deps: Deps) {
  const { config, limiter } = deps;
  const app = new Hono<AppEnv>();

  app.onError((error, c) => errorResponse(c, error, deps.log));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'No such route.' } }, 404));

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    // The public pages choose same-origin (see routes/pages.tsx); everything else tells no one.
    if (!c.res.headers.has('Referrer-Policy')) c.header('Referrer-Policy', 'no-referrer');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });

  // Below Node's own parser limit, so an oversized header block still gets a
  // JSON answer on a connection that stays open.
  app.use('*', async (c, next) => {
    if (headerBytes(c.req.raw.headers) > REQUEST_HEADERS_MAX_BYTES) {
      throw new ApiError(
        431,
        'headers_too_large',
        `Request headers are limited to ${REQUEST_HEADERS_MAX_BYTES} bytes.`,
      );
    }
    await next();
  });

  app.use(
    '*',
    cors({
      origin: (origin) => (isAllowedOrigin(origin, config.corsOrigins) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      exposeHeaders: ['Retry-After'],
      maxAge: CORS_MAX_AGE_S,
    }),
  );

  app.use('*', async (c, next) => {
    const socket = getConnInfo(c).remote.address ?? 'unknown';
    const ip = clientAddress(socket, c.req.header('x-forwarded-for'), config.trustProxyHops);
    c.set('clientIp', ip);
    if (!UNMETERED.has(c.req.path)) {
      const reading = c.req.method === 'GET' || c.req.method === 'HEAD' || READ_ONLY_POSTS.has(c.req.path);
      if (reading) limiter.consumeRead('reads', ip, config.rateLimits.readsPerIp);
      else if (c.req.method !== 'OPTIONS') await limiter.consume('writes', ip, config.rateLimits.writesPerIp);
    }
    await next();
  });

  // Checked on Content-Length and while streaming, so an oversized body is refused before it is parsed.
  const limitBody = bodyLimit({
    maxSize: LIMITS.bodyBytesMax,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `Request bodies are limited to ${LIMITS.bodyBytesMax} bytes.`);
    },
  });
  // Reads carry no body; sparing them the check keeps the hot lookup path short.
  app.use('*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));

  const api = new Hono<AppEnv>()
    .route('/', canonRoutes(deps))
    .route('/', lookupRoutes(deps))
    .route('/', identityRoutes(deps))
    .route('/', commentRoutes(deps))
    .route('/', readerInputRoutes(deps))
    .route('/', nominationRoutes(deps))
    .route('/', feedRoutes(deps))
    .route('/', moderationRoutes(deps))
    .route('/', openApiRoutes(deps));
  app.route(API_PREFIX, api);
  app.route('/', confirmationPage(deps));
  app.route('/', healthRoutes(deps));
  app.route('/', pageRoutes(deps));
  app.route('/', deskRoutes(deps));
  app.route('/', nominationPageRoutes(deps));
  return app;
}
