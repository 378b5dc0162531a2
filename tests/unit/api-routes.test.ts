import { describe, expect, it } from 'vitest';
import { canonRoutes } from '../../lib/background/canon-client/routes';
import { requestFor } from '../../lib/background/outbox/intent';
import type { WriteIntent } from '../../lib/shared/messages/payloads';
import { ROUTE_DOCS } from '../../server/openapi/routes';

// The extension builds its request paths (lib/background/canon-client/routes)
// apart from the server's route list (server/openapi/routes, itself checked
// against the routes the app serves): every request the extension can make
// must be a documented route with the same method.

/** `GET /books/{id}/comments` for a concrete request. */
function documentedRoute(method: string, path: string): string | undefined {
  const pathname = path.split('?')[0]!;
  return ROUTE_DOCS.map((doc) => `${doc.method.toUpperCase()} ${doc.path}`).find((route) => {
    const [docMethod, docPath] = route.split(' ') as [string, string];
    const pattern = new RegExp(`^${docPath.replace(/\{\w+\}/g, '[^/]+')}$`);
    return docMethod === method && pattern.test(pathname);
  });
}

const BOOK = 'book-we-think';
const WRITES: WriteIntent[] = [
  { kind: 'comment', bookId: BOOK, body: 'Read it twice.', spoiler: false },
  { kind: 'rating', bookId: BOOK, value: 4.5 },
  { kind: 'removeRating', bookId: BOOK },
  { kind: 'tags', bookId: BOOK, tags: ['essays'] },
  { kind: 'link', bookId: BOOK, url: 'https://example.org/review', title: 'A review' },
  { kind: 'flag', bookId: BOOK, commentId: 'c1', reason: 'spam' },
  { kind: 'editComment', bookId: BOOK, commentId: 'c1', body: 'Read it thrice.', spoiler: true },
  { kind: 'deleteComment', bookId: BOOK, commentId: 'c1' },
  { kind: 'nomination', isbn: '9781861978738', title: 'We-Think', authors: ['Charles Leadbeater'], reason: 'Seed.' },
  { kind: 'second', nominationId: 'n1' },
];

/** What the canon client reads, and the writes it sends outside the outbox. */
const CLIENT_REQUESTS: [method: string, path: string][] = [
  ['GET', canonRoutes.canon()],
  ['GET', canonRoutes.canonIndex(null)],
  ['GET', canonRoutes.canonIndex(12)],
  ['GET', canonRoutes.canonIndexRange('a3f')],
  ['GET', canonRoutes.bookById(BOOK)],
  ['GET', canonRoutes.nominationById('0f6a4b1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b')],
  ['GET', canonRoutes.comments(BOOK, null)],
  ['GET', canonRoutes.comments(BOOK, 'next')],
  ['GET', canonRoutes.mine(BOOK)],
  ['POST', canonRoutes.identities()],
  ['GET', canonRoutes.identityMe()],
  ['POST', canonRoutes.resendConfirmation()],
  ['DELETE', canonRoutes.identityMe()],
];

describe('the extension’s requests and the server’s routes', () => {
  it.each(WRITES.map((intent) => [intent.kind, intent] as const))(
    'a %s write goes to a documented route',
    (_, intent) => {
      const { method, path } = requestFor(intent);
      expect(documentedRoute(method, path), `${method} ${path}`).toBeDefined();
    },
  );

  it.each(CLIENT_REQUESTS)('%s %s is a documented route', (method, path) => {
    expect(documentedRoute(method, path)).toBeDefined();
  });

  it('notices a request to a route the server does not have', () => {
    expect(documentedRoute('PUT', canonRoutes.comments(BOOK, null))).toBeUndefined();
    expect(documentedRoute('GET', '/books/x/ratings')).toBeUndefined();
  });
});
