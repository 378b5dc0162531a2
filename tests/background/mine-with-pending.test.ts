import { describe, expect, it } from 'vitest';
import { mineWithPending } from '../../lib/background/tabs/mine-with-pending';
import type { WriteIntent } from '../../lib/shared/messages/payloads';
import type { OutboxRow } from '../../lib/background/database/schema';

let seq = 0;
function row(intent: WriteIntent, state: OutboxRow['state'] = 'queued'): OutboxRow {
  seq += 1;
  return {
    id: `row-${seq}`,
    kind: intent.kind,
    orderKey: 'book:we-think',
    seq,
    intent,
    request: { method: 'PUT', path: '/x', body: null },
    createdAt: seq,
    attempts: 0,
    state,
    notBefore: 0,
  } as OutboxRow;
}

const SERVER = { bookId: 'we-think', rating: 3, tags: ['web'], provisional: false };

describe('mineWithPending', () => {
  it('is the server’s state when nothing waits', () => {
    expect(mineWithPending(SERVER, 'we-think', [])).toEqual(SERVER);
  });

  it('applies waiting ratings and tags in send order, the latest winning', () => {
    const rows = [
      row({ kind: 'rating', bookId: 'we-think', value: 4 }),
      row({ kind: 'tags', bookId: 'we-think', tags: ['essays'] }),
      row({ kind: 'rating', bookId: 'we-think', value: 4.5 }),
    ];
    expect(mineWithPending(SERVER, 'we-think', rows)).toEqual({ ...SERVER, rating: 4.5, tags: ['essays'] });
  });

  it('shows a removed rating as none', () => {
    expect(mineWithPending(SERVER, 'we-think', [row({ kind: 'removeRating', bookId: 'we-think' })])?.rating).toBeNull();
  });

  it('ignores failed writes and other books', () => {
    const rows = [
      row({ kind: 'rating', bookId: 'we-think', value: 1 }, 'failed'),
      row({ kind: 'rating', bookId: 'other', value: 2 }),
    ];
    expect(mineWithPending(SERVER, 'we-think', rows)).toEqual(SERVER);
  });

  it('starts from nothing, provisional, when the server knows no state yet', () => {
    expect(mineWithPending(null, 'we-think', [row({ kind: 'rating', bookId: 'we-think', value: 5 })])).toEqual({
      bookId: 'we-think',
      rating: 5,
      tags: [],
      provisional: true,
    });
  });
});
