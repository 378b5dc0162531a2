/**
 * `GET /canon-index` and `GET /canon-index/range/{prefix}`: what the canon
 * knows, for browsers to decide locally which books to ask about (issue 16).
 * Neither route hears anything about a reader's page: the document is the
 * same for everyone, and a range query names only a hash prefix that a whole
 * bucket of books shares.
 */
import { Hono, type Context } from 'hono';
import type { CanonIndexAnswer } from '../../lib/shared/api';
import { changesSince } from '../canon-index/versions';
import type { AppEnv, Deps } from '../deps';
import { ApiError } from '../security/errors';

/** Clients revalidate with If-None-Match; the answer is the same for every reader. */
const CACHE_CONTROL = 'no-cache';

function notModified(c: Context, etag: string): boolean {
  const asked = c.req.header('if-none-match');
  return asked !== undefined && asked.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

const json = (c: Context, body: string, etag?: string) =>
  c.body(body, 200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': CACHE_CONTROL,
    ...(etag === undefined ? {} : { ETag: etag }),
  });

export function canonIndexRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .get('/canon-index', async (c) => {
      const published = await deps.canonIndex.published();
      const { header, etag } = published;
      if (notModified(c, etag)) return c.body(null, 304, { ETag: etag, 'Cache-Control': CACHE_CONTROL });
      // Too large to send whole: the client asks by prefix, with what the header says.
      if (header.mode === 'prefix') {
        return json(c, JSON.stringify({ kind: 'header', header } satisfies CanonIndexAnswer), etag);
      }
      const sinceText = c.req.query('since');
      if (sinceText !== undefined) {
        if (!/^\d{1,15}$/.test(sinceText)) {
          throw new ApiError(400, 'validation_failed', 'since: a version number from an earlier answer.');
        }
        const since = Number(sinceText);
        const delta = await changesSince(deps.db, since, header.version);
        // A version further back than the kept changes (or from another database) gets the whole index.
        if (delta !== null) {
          return json(c, JSON.stringify({ kind: 'delta', header, since, ...delta } satisfies CanonIndexAnswer), etag);
        }
      }
      return json(c, published.fullJson, etag);
    })
    .get('/canon-index/range/:prefix', async (c) => {
      const published = await deps.canonIndex.published();
      const { prefixLength } = published.header;
      const prefix = c.req.param('prefix');
      if (!new RegExp(`^[0-9a-f]{${prefixLength}}$`).test(prefix)) {
        throw new ApiError(
          400,
          'validation_failed',
          `prefix: ${prefixLength} lower-case hex digits of the keyed hash (see the index header).`,
        );
      }
      return json(c, JSON.stringify(await deps.canonIndex.range(published, prefix)), published.etag);
    });
}
