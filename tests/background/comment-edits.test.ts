/**
 * Editing and deleting the reader's own comment: both go through the outbox
 * like every other write (stored first, sent when an identity exists, retried,
 * shown as pending), and only the newest unsent change of a comment is kept.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../lib/background/dispatch';
import { saveIdentity } from '../../lib/background/identity/record';
import { enqueue, leaseSendable, listOutbox } from '../../lib/background/outbox/store';
import { DEFAULT_CANON_URL } from '../../lib/shared/settings/items';
import { senders, startHarness, type Harness } from './support/background-harness';

const COMMENT = '0f6a4b1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b';
const IDENTITY = {
  server: DEFAULT_CANON_URL,
  id: 'identity-1',
  secret: 'secret-secret-secret',
  name: 'Ada',
  email: 'ada@example.org',
  confirmed: true,
  confirmedAt: null,
  registeredAt: 0,
  checkedAt: 0,
  rejected: false,
};

type Sent = { method: string; url: string; body: string | null; auth: string | null };
let h: Harness;
let sent: Sent[];
let answers: Response[];

beforeEach(async () => {
  sent = [];
  answers = [];
  h = await startHarness(async (input, init) => {
    sent.push({
      method: init?.method ?? 'GET',
      url: input,
      body: typeof init?.body === 'string' ? init.body : null,
      auth: new Headers(init?.headers).get('Authorization'),
    });
    return answers.shift() ?? new Response('{}', { status: 503 });
  });
});
afterEach(() => h.ctx.db.close());

const edit = (body: string, spoiler = false) =>
  dispatch(h.ctx, 'editComment', { bookId: 'we-think', commentId: COMMENT, body, spoiler }, senders.sidebarFrame);
const remove = () => dispatch(h.ctx, 'deleteComment', { bookId: 'we-think', commentId: COMMENT }, senders.sidebarFrame);
const writes = () => h.ctx.db.getAll('outbox');

describe('editing and deleting one’s own comment', () => {
  it('queues an edit as a PATCH and a deletion as a DELETE of the comment, shown as pending', async () => {
    const edited = await edit('Second thoughts', true);
    expect(edited).toMatchObject({
      ok: true,
      value: { intent: { kind: 'editComment', commentId: COMMENT, body: 'Second thoughts', spoiler: true } },
    });
    // No identity yet: kept, visibly waiting for one.
    expect(edited).toMatchObject({ value: { state: 'waiting-for-identity' } });
    const [row] = await writes();
    expect(row?.request).toEqual({
      method: 'PATCH',
      path: `/comments/${COMMENT}`,
      body: JSON.stringify({ body: 'Second thoughts', spoiler: true }),
    });
    expect(row?.orderKey).toBe('book:we-think');

    await remove();
    // The deletion makes the unsent edit pointless: one row, the deletion.
    expect((await writes()).map((w) => w.request)).toEqual([
      { method: 'DELETE', path: `/comments/${COMMENT}`, body: null },
    ]);
  });

  it('keeps only the newest unsent edit of a comment, and never touches one in flight', async () => {
    await edit('one');
    await edit('two');
    expect((await writes()).map((w) => w.intent)).toMatchObject([{ kind: 'editComment', body: 'two' }]);
    const [leased] = await leaseSendable(h.ctx.db, h.ctx.now(), 1);
    expect(leased?.state).toBe('sending');
    await edit('three');
    expect((await listOutbox(h.ctx.db)).map((w) => [w.state, 'body' in w.intent ? w.intent.body : null])).toEqual([
      ['sending', 'two'],
      ['queued', 'three'],
    ]);
    // Another comment's edit and a new comment are their own writes.
    await enqueue(
      h.ctx.db,
      { intent: { kind: 'editComment', bookId: 'we-think', commentId: 'other', body: 'x', spoiler: false } },
      h.ctx.now(),
    );
    await enqueue(
      h.ctx.db,
      { intent: { kind: 'comment', bookId: 'we-think', body: 'new', spoiler: false } },
      h.ctx.now(),
    );
    expect(await writes()).toHaveLength(4);
  });

  it('refuses an empty or over-long edit, and both messages from a content script', async () => {
    expect((await edit('   ')).ok).toBe(false);
    expect((await edit('x'.repeat(5_001))).ok).toBe(false);
    const fromPage = await dispatch(
      h.ctx,
      'deleteComment',
      { bookId: 'we-think', commentId: COMMENT },
      senders.contentScript,
    );
    expect(fromPage).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await writes()).toEqual([]);
  });

  it('sends them with the identity, in order, and counts a deletion the server no longer knows as done', async () => {
    await saveIdentity(h.ctx.db, IDENTITY);
    await edit('Edited once');
    answers.push(new Response(JSON.stringify({}), { status: 200, headers: { 'content-type': 'application/json' } }));
    await h.ctx.outbox.flush();
    await remove();
    // The answer to an earlier attempt was lost: the comment is already gone, as the reader wanted.
    answers.push(
      new Response(JSON.stringify({ error: { code: 'not_found', message: 'Comment not found.' } }), {
        status: 404,
        headers: { 'content-type': 'application/json' },
      }),
    );
    await h.ctx.outbox.flush();
    const writesSent = sent.filter((s) => s.method !== 'GET');
    expect(writesSent).toEqual([
      {
        method: 'PATCH',
        url: `${DEFAULT_CANON_URL}/api/v1/comments/${COMMENT}`,
        body: JSON.stringify({ body: 'Edited once', spoiler: false }),
        auth: `Bearer ${IDENTITY.secret}`,
      },
      {
        method: 'DELETE',
        url: `${DEFAULT_CANON_URL}/api/v1/comments/${COMMENT}`,
        body: null,
        auth: `Bearer ${IDENTITY.secret}`,
      },
    ]);
    expect(await writes()).toEqual([]);
  });

  it('shows an edit of a comment that is gone as failed, with the server’s reason', async () => {
    await saveIdentity(h.ctx.db, IDENTITY);
    answers.push(
      new Response(JSON.stringify({ error: { code: 'not_found', message: 'Comment not found.' } }), {
        status: 404,
        headers: { 'content-type': 'application/json' },
      }),
    );
    await edit('Too late');
    await h.ctx.outbox.flush();
    const listed = await dispatch(h.ctx, 'listOutbox', undefined, senders.options);
    expect(listed).toMatchObject({
      ok: true,
      value: [{ intent: { kind: 'editComment' }, state: 'failed', error: 'Comment not found.' }],
    });
  });
});
