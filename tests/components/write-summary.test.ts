/** Outbox lines in the reader's words, in the real locale files. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeStateText, writeSummary } from '../../components/shared/write-summary';
import type { WriteIntent } from '../../lib/shared/messages/payloads';
import type { PendingWrite } from '../../lib/shared/messages/views';
import { useLocale } from './locale';

function queued(intent: WriteIntent): PendingWrite {
  return {
    id: 'w1',
    intent,
    createdAt: 0,
    attempts: 0,
    state: 'queued',
    nextAttemptAt: null,
    error: null,
    bookTitle: null,
  };
}

/** One write of every kind, and its English line; a new kind fails the type check here until it has one. */
const EVERY_KIND: { [K in WriteIntent['kind']]: [Extract<WriteIntent, { kind: K }>, string] } = {
  comment: [{ kind: 'comment', bookId: 'b1', body: 'A fine book.', spoiler: false }, 'Comment: A fine book.'],
  rating: [{ kind: 'rating', bookId: 'b1', value: 3.5 }, 'Rating: 3.5 stars'],
  removeRating: [{ kind: 'removeRating', bookId: 'b1' }, 'Remove your rating'],
  tags: [{ kind: 'tags', bookId: 'b1', tags: ['essays', 'web culture'] }, 'Tags: essays, web culture'],
  link: [{ kind: 'link', bookId: 'b1', url: 'https://example.org/review', title: 'A review' }, 'Review link: A review'],
  flag: [{ kind: 'flag', bookId: 'b1', commentId: 'c1', reason: 'spam' }, 'Report a comment (spam)'],
  editComment: [
    { kind: 'editComment', bookId: 'b1', commentId: 'c1', body: 'A finer book.', spoiler: false },
    'Edit your comment: A finer book.',
  ],
  deleteComment: [{ kind: 'deleteComment', bookId: 'b1', commentId: 'c1' }, 'Delete your comment'],
  nomination: [
    { kind: 'nomination', title: 'We-Think', authors: ['Charles Leadbeater'], reason: 'Needed.' },
    'Nominate “We-Think”',
  ],
  second: [{ kind: 'second', nominationId: 'n1' }, 'Second a nomination'],
};

describe('a waiting write’s summary', () => {
  beforeAll(() => useLocale('en'));

  it.each(Object.values(EVERY_KIND))('%o reads “%s”', (intent, line) => {
    expect(writeSummary(queued(intent))).toBe(line);
  });

  it('says “remove your tags” for an empty tag list', () => {
    expect(writeSummary(queued({ kind: 'tags', bookId: 'b1', tags: [] }))).toBe('Remove your tags');
  });

  it('shows a long comment on one line, clipped to 60 characters', () => {
    const body = `First line\n\n   ${'word '.repeat(30)}`;
    const line = writeSummary(queued({ kind: 'comment', bookId: 'b1', body, spoiler: false }));
    const shown = line.slice('Comment: '.length);
    expect(shown).not.toMatch(/\s{2}|\n/);
    expect([...shown]).toHaveLength(60);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.startsWith('First line word word')).toBe(true);
  });

  it('counts characters, not UTF-16 units, and never splits one', () => {
    const title = '📚'.repeat(70);
    const line = writeSummary(queued({ kind: 'link', bookId: 'b1', url: 'https://example.org/', title }));
    expect(line).toBe(`Review link: ${'📚'.repeat(59)}…`);
    const exact = '📚'.repeat(60);
    expect(writeSummary(queued({ kind: 'link', bookId: 'b1', url: 'https://example.org/', title: exact }))).toBe(
      `Review link: ${exact}`,
    );
  });

  it('reads queued and sending alike, as waiting', () => {
    expect(writeStateText('queued')).toBe('Waiting to be sent');
    expect(writeStateText('sending')).toBe('Waiting to be sent');
    expect(writeStateText('waiting-for-identity')).toBe('Waiting for your name and e-mail address');
    expect(writeStateText('failed')).toBe('Failed');
  });
});

describe('in German', () => {
  beforeAll(() => useLocale('de'));
  afterAll(() => useLocale('en'));

  it('writes the rating with a decimal comma', () => {
    expect(writeSummary(queued({ kind: 'rating', bookId: 'b1', value: 3.5 }))).toBe('Bewertung: 3,5 Sterne');
    expect(writeSummary(queued({ kind: 'rating', bookId: 'b1', value: 4 }))).toBe('Bewertung: 4,0 Sterne');
  });

  it('quotes a nominated title the German way', () => {
    const intent: WriteIntent = { kind: 'nomination', title: 'We-Think', authors: ['C. L.'], reason: '' };
    expect(writeSummary(queued(intent))).toBe('„We-Think“ nominieren');
  });
});
