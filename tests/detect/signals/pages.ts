import { fixtureHtml, fixtureUrl, loadManifest, type FixtureEntry } from '../../../scripts/fixture-manifest';
import { withoutSvgStyles } from '../../../scripts/saved-page';

/** A hand-made page: `body` (and `head`) parsed as the browser would (happy-dom). */
export function htmlPage(body: string, head = ''): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

/** A real saved page from tests/fixtures/pages, by its manifest path, with the address it was saved from. */
export function realPage(file: string): { doc: Document; url: URL; entry: FixtureEntry } {
  const entry = loadManifest().find((candidate) => candidate.file === file && !candidate.synthetic);
  if (!entry) throw new Error(`no real saved page ${file} in the manifest`);
  const doc = new DOMParser().parseFromString(withoutSvgStyles(fixtureHtml(entry)), 'text/html');
  return { doc, url: new URL(fixtureUrl(entry)), entry };
}
