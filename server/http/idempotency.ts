/**
 * Idempotent writes (draft-ietf-httpapi-idempotency-key-header): the first
 * request with a key runs and its answer is stored in the same transaction;
 * a retry with the same key and body gets that answer again, the same key
 * with another body gets 422, and no key gets 400. Keys are scoped to the
 * identity, so one reader's keys can never collide with another's.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { LIMITS } from '../../lib/shared/api';
import type { CanonDb } from '../db/connect';
import type { WriteTx, Writer } from '../db/write';
import { IDEMPOTENCY_KEY_TTL_MS } from '../limits';
import { ApiError } from '../security/errors';

export type StoredAnswer = { status: ContentfulStatusCode; body: unknown };

export function idempotencyKey(c: Context): string {
  const key = c.req.header('idempotency-key');
  if (key === undefined) throw new ApiError(400, 'idempotency_key_missing', 'An Idempotency-Key header is required.');
  if (!/^[\x21-\x7e]+$/.test(key) || key.length > LIMITS.idempotencyKeyMax) {
    throw new ApiError(400, 'bad_request', 'Idempotency-Key must be 1–128 visible ASCII characters.');
  }
  return key;
}

function fingerprint(c: Context, rawBody: string): string {
  return createHash('sha256').update(`${c.req.method} ${c.req.path}\n${rawBody}`).digest('hex');
}

/**
 * A stored answer for this key, if the request was made before; throws 422
 * when the key was used for something else.
 */
export async function replay(
  db: CanonDb,
  c: Context,
  identityId: string,
  key: string,
  rawBody: string,
  now: number,
): Promise<StoredAnswer | null> {
  const row = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('identity_id', '=', identityId)
    .where('key', '=', key)
    .where('created_at', '>', now - IDEMPOTENCY_KEY_TTL_MS)
    .executeTakeFirst();
  if (row === undefined) return null;
  if (row.fingerprint !== fingerprint(c, rawBody)) {
    throw new ApiError(
      422,
      'idempotency_key_reused',
      'This Idempotency-Key was already used with a different request.',
    );
  }
  // Status 0 marks a claimed key whose answer is not written yet.
  if (row.status_code === 0) return { status: 0 as ContentfulStatusCode, body: null };
  return { status: row.status_code as ContentfulStatusCode, body: JSON.parse(row.response) };
}

/**
 * Runs `work` at most once per key, in one write transaction with the key's
 * claim and its stored answer. The claim comes first: on PostgreSQL a
 * concurrent claim of the same key waits on the unique index and then finds
 * the finished answer; on SQLite the write lock orders them. Only the request
 * that runs `work` spends budgets (they are counted inside `work`), so
 * retries and replays are never charged again; if `work` throws, the claim
 * is rolled back with everything else and a retry runs afresh.
 */
export async function once(
  write: Writer,
  c: Context,
  identityId: string,
  key: string,
  rawBody: string,
  now: number,
  work: (tx: WriteTx) => Promise<StoredAnswer>,
): Promise<StoredAnswer> {
  return write(async (tx) => {
    const { trx } = tx;
    // Expired keys are removed lazily (and by housekeeping), so a key may be reused after its TTL.
    await trx
      .deleteFrom('idempotency_keys')
      .where('identity_id', '=', identityId)
      .where('key', '=', key)
      .where('created_at', '<=', now - IDEMPOTENCY_KEY_TTL_MS)
      .execute();
    const claimed = await trx
      .insertInto('idempotency_keys')
      .values({
        identity_id: identityId,
        key,
        fingerprint: fingerprint(c, rawBody),
        status_code: 0,
        response: '',
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['identity_id', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 0) {
      const earlier = await replay(trx, c, identityId, key, rawBody, now);
      if (earlier === null || earlier.status === (0 as ContentfulStatusCode)) {
        throw new ApiError(
          409,
          'idempotency_in_progress',
          'A request with this Idempotency-Key is still being processed.',
        );
      }
      return earlier;
    }
    const answer = await work(tx);
    await trx
      .updateTable('idempotency_keys')
      .set({ status_code: answer.status, response: JSON.stringify(answer.body) })
      .where('identity_id', '=', identityId)
      .where('key', '=', key)
      .execute();
    return answer;
  });
}
